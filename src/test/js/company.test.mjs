import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load, memoryKv } from './app.mjs';

const { challengeOf, start, finish, isAnswer, redirectUriOf } = await load('company.js');
const { Client } = await load('api.js');
const { localLock } = await load('outbox.js');

const CONFIG = {
    issuer: 'https://login.example.org/realms/acme', authorizationEndpoint: 'https://login.example.org/realms/acme/protocol/openid-connect/auth',
    clientId: 'everyone-serves-mobile', scope: 'openid email profile', name: 'Acme', localPasswords: true,
};
const APP = { origin: 'https://training.example.org', pathname: '/app/', href: 'https://training.example.org/app/?x=1#/today' };
const NOW = Date.parse('2026-12-01T10:00:00Z');

function response(status, body) {
    return { status, ok: status >= 200 && status < 300, headers: { get: name => (name === 'Content-Type' ? 'application/json' : null) }, json: async () => body };
}

/** A client whose server answers the exchange with `answer`, recording what was sent. */
function server(answer) {
    const kv = memoryKv();
    const calls = [];
    const client = new Client({
        kv, lock: localLock(), base: 'https://training.example.org/api/v1/', now: () => NOW,
        fetch: async (url, init) => {
            calls.push({ path: url.replace('https://training.example.org/api/v1/', ''), headers: init.headers, body: init.body && JSON.parse(init.body) });
            return answer;
        },
    });
    return { kv, client, calls };
}

test('the code challenge is the S256 of the verifier (RFC 7636, appendix B)', async () => {
    assert.equal(await challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
});

test('the provider is asked for a code with PKCE, state and nonce, to come back to the app', async () => {
    const kv = memoryKv();
    const url = new URL(await start({ kv, config: CONFIG, location: APP, device: 'Chrome, Android', now: NOW }));
    const pending = await kv.get('companySignIn');
    assert.equal(url.origin + url.pathname, CONFIG.authorizationEndpoint);
    assert.equal(url.searchParams.get('response_type'), 'code');
    assert.equal(url.searchParams.get('client_id'), 'everyone-serves-mobile');
    assert.equal(url.searchParams.get('scope'), 'openid email profile');
    assert.equal(url.searchParams.get('redirect_uri'), 'https://training.example.org/app/');
    assert.equal(url.searchParams.get('state'), pending.state);
    assert.equal(url.searchParams.get('nonce'), pending.nonce);
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(url.searchParams.get('code_challenge'), await challengeOf(pending.verifier));
    assert.ok(pending.verifier.length >= 43 && pending.verifier.length <= 128, pending.verifier);
    assert.equal(url.searchParams.get('code_verifier'), null, 'the verifier stays on the phone');
    const second = await start({ kv: memoryKv(), config: CONFIG, location: APP, device: 'x', now: NOW });
    assert.notEqual(new URL(second).searchParams.get('state'), pending.state, 'a new state each time');
});

test('the answer is spent with the verifier, redirect URI and nonce of its start, once', async () => {
    const { kv, client, calls } = server(response(200, {
        accessToken: 'a', refreshToken: 'r', deviceId: 7, accessExpiresAt: new Date(NOW + 900_000).toISOString(),
        refreshExpiresAt: new Date(NOW + 86_400_000).toISOString(),
    }));
    await start({ kv, config: CONFIG, location: APP, device: 'Everyone Serves app (Chrome, Android)', now: NOW });
    const pending = await kv.get('companySignIn');
    const search = `?state=${pending.state}&session_state=s&code=the-code`;
    assert.ok(isAnswer(search));

    const outcome = await finish({ kv, client, search, now: NOW + 60_000 });
    assert.equal(outcome.response.status, 200);
    assert.deepEqual(calls[0].body, {
        code: 'the-code', codeVerifier: pending.verifier, redirectUri: 'https://training.example.org/app/', nonce: pending.nonce,
        device: 'Everyone Serves app (Chrome, Android)',
    });
    assert.equal(calls[0].path, 'auth/company');
    assert.equal(calls[0].headers['Idempotency-Key'], pending.key);
    assert.equal((await kv.get('auth')).accessToken, 'a', 'signed in');

    assert.deepEqual(await finish({ kv, client, search, now: NOW + 61_000 }), { refused: 'state' }, 'the same answer again');
    assert.equal(calls.length, 1);
});

test('an answer the app did not ask for, or asked for too long ago, is refused without asking the server', async () => {
    const { kv, client, calls } = server(response(200, {}));
    await start({ kv, config: CONFIG, location: APP, device: 'x', now: NOW });
    assert.deepEqual(await finish({ kv, client, search: '?state=forged&code=c', now: NOW }), { refused: 'state' });
    assert.equal(await kv.get('companySignIn'), undefined, 'and the started sign-in is spent');

    await start({ kv, config: CONFIG, location: APP, device: 'x', now: NOW });
    const late = `?state=${(await kv.get('companySignIn')).state}&code=c`;
    assert.deepEqual(await finish({ kv, client, search: late, now: NOW + 16 * 60_000 }), { refused: 'state' });
    assert.equal(calls.length, 0);
});

test('the provider\'s error (the person cancelled) ends the sign-in; a refusal by the server keeps the phone signed out', async () => {
    const { kv, client, calls } = server(response(401, { status: 401, code: 'auth.error.companySignIn.inactive' }));
    await start({ kv, config: CONFIG, location: APP, device: 'x', now: NOW });
    const state = (await kv.get('companySignIn')).state;
    assert.deepEqual(await finish({ kv, client, search: `?error=access_denied&state=${state}`, now: NOW }), { refused: 'provider', error: 'access_denied' });
    assert.equal(calls.length, 0);

    await start({ kv, config: CONFIG, location: APP, device: 'x', now: NOW });
    const refused = await finish({ kv, client, search: `?state=${(await kv.get('companySignIn')).state}&code=c`, now: NOW });
    assert.equal(refused.response.problem.code, 'auth.error.companySignIn.inactive');
    assert.equal(await kv.get('auth'), undefined);
});

test('only the provider\'s answers count as answers, and the app comes back to its own address', () => {
    assert.ok(!isAnswer(''));
    assert.ok(!isAnswer('?code=c'), 'no state');
    assert.ok(isAnswer('?error=access_denied&state=s'));
    assert.equal(redirectUriOf({ origin: 'http://localhost:8080', pathname: '/app/index.html' }), 'http://localhost:8080/app/');
});
