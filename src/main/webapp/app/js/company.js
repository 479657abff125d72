// Sign-in with the company's identity provider: the app's own authorisation code flow with PKCE (RFC 7636, RFC 8252)
// with its public client. The server says whether it is set up (GET auth/company); the app sends the person to the
// provider with a code challenge, a state and a nonce; the provider sends them back to /app/ with a code, which the
// server spends with the verifier (POST auth/company) for the app's own tokens. State, nonce and verifier wait in
// IndexedDB for the round trip, are spent once, and expire; the code leaves the address bar before it is used.
import { newKey } from './outbox.js';

const PENDING = 'companySignIn';
const LIFETIME = 15 * 60_000;

export function base64url(bytes) {
    let text = '';
    for (const byte of bytes) {
        text += String.fromCharCode(byte);
    }
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random(size) {
    return base64url(crypto.getRandomValues(new Uint8Array(size)));
}

/** The S256 code challenge of a verifier (RFC 7636 section 4.2). */
export async function challengeOf(verifier) {
    return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/** Where the provider sends the person back: the app's own address, without query or fragment. */
export function redirectUriOf(location) {
    return new URL('.', location.origin + location.pathname).href;
}

/** Whether this address is the provider's answer to a sign-in (a code or an error, with the state). */
export function isAnswer(search) {
    const params = new URLSearchParams(search);
    return params.has('state') && (params.has('code') || params.has('error'));
}

/**
 * Starts a sign-in: remembers state, nonce and verifier, and returns the provider's address to open.
 *
 * @param config the server's answer to GET auth/company
 */
export async function start({ kv, config, location, device, now = Date.now() }) {
    const pending = {
        state: random(24), nonce: random(24), verifier: random(48), redirectUri: redirectUriOf(location), device, key: newKey(), at: now,
    };
    await kv.set(PENDING, pending);
    const url = new URL(config.authorizationEndpoint);
    url.search = new URLSearchParams({
        response_type: 'code', client_id: config.clientId, scope: config.scope, redirect_uri: pending.redirectUri,
        state: pending.state, nonce: pending.nonce, code_challenge: await challengeOf(pending.verifier), code_challenge_method: 'S256',
    }).toString();
    return url.href;
}

/**
 * Finishes a sign-in with the provider's answer (the query of the address the provider sent back). The pending
 * sign-in is spent whatever happens, so an answer works once.
 *
 * @return {refused: 'state'} for an answer this app did not ask for (or asked for too long ago), {refused: 'provider'}
 *         when the provider sent an error (the person cancelled, or may not use the app), else the server's response
 *         to the exchange (Offline is thrown when it cannot be reached)
 */
export async function finish({ kv, client, search, now = Date.now() }) {
    const params = new URLSearchParams(search);
    const pending = await kv.get(PENDING);
    if (!pending || pending.state !== params.get('state') || now - pending.at > LIFETIME) {
        await kv.delete(PENDING);
        return { refused: 'state' };
    }
    if (params.has('error') || !params.get('code')) {
        await kv.delete(PENDING);
        return { refused: 'provider', error: params.get('error') };
    }
    try {
        return {
            response: await client.exchangeCompanyCode({
                code: params.get('code'), codeVerifier: pending.verifier, redirectUri: pending.redirectUri, nonce: pending.nonce,
                device: pending.device,
            }, pending.key),
        };
    } finally {
        await kv.delete(PENDING);
    }
}
