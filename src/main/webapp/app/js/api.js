// The API client: bearer tokens kept in IndexedDB, rotated before they expire (one refresh at a time across the page
// and the service worker), and a sign-out when the server no longer accepts the device.
import { Offline, SignedOut, newKey } from './outbox.js';

const EARLY = 30_000;

export class Client {
    /**
     * @param kv       {get, set, delete} persistent storage
     * @param fetch    the fetch function
     * @param lock     async (name, work) -> result, one holder at a time
     * @param base     URL of /api/v1/ ending in a slash
     * @param language () -> 'en' or 'de', sent as Accept-Language
     * @param forget   async reason -> called when the device was signed out (revoked, expired)
     */
    constructor({ kv, fetch, lock, base, language = () => 'en', forget = async () => {}, now = () => Date.now(), timeout = 15_000 }) {
        Object.assign(this, { kv, fetch, lock, base, language, forget, now, timeout });
    }

    async raw(method, path, { body, headers = {}, token } = {}) {
        const all = { Accept: 'application/json', 'Accept-Language': this.language(), ...headers };
        if (body !== undefined && body !== null) {
            all['Content-Type'] = 'application/json';
        }
        if (token) {
            all.Authorization = 'Bearer ' + token;
        }
        // a connection that hangs (a train between stations) counts as none, so that the outbox lock is never held for long
        const abort = new AbortController();
        const timer = setTimeout(() => abort.abort(), this.timeout);
        let response;
        let json;
        try {
            response = await this.fetch(this.base + path, {
                method, headers: all, body: body === undefined || body === null ? undefined : JSON.stringify(body),
                cache: 'no-store', credentials: 'omit', signal: abort.signal,
            });
            const type = response.headers.get('Content-Type') || '';
            json = type.includes('json') && response.status !== 204 ? await response.json() : null;
        } catch (e) {
            throw new Offline();
        } finally {
            clearTimeout(timer);
        }
        return {
            status: response.status, ok: response.ok, etag: response.headers.get('ETag'),
            body: response.ok ? json : null, problem: response.ok ? null : (json || { status: response.status }),
        };
    }

    async signIn(email, password, device) {
        const response = await this.raw('POST', 'auth/token', {
            body: { email, password, device }, headers: { 'Idempotency-Key': newKey() },
        });
        if (response.ok) {
            await this.kv.set('auth', { ...tokens(response.body), email });
        }
        return response;
    }

    /** How to sign in with the company's identity provider (GET auth/company), or null when it is not set up for the app. */
    async companySignIn() {
        const response = await this.raw('GET', 'auth/company');
        return response.ok ? response.body : null;
    }

    /** Has the server spend the provider's code for this device's tokens (the app's code flow, see company.js). */
    async exchangeCompanyCode(answer, key) {
        const response = await this.raw('POST', 'auth/company', { body: answer, headers: { 'Idempotency-Key': key } });
        if (response.ok) {
            await this.kv.set('auth', tokens(response.body));
        }
        return response;
    }

    async signedIn() {
        return Boolean(await this.kv.get('auth'));
    }

    /** Signs this device out on the server when it can (rotating an expired access token first), and here in any case. */
    async signOut() {
        try {
            await this.call('POST', 'auth/logout');
        } catch (e) {
            if (!(e instanceof Offline) && !(e instanceof SignedOut)) {
                throw e;
            }
        }
        await this.forget('signedOut');
    }

    /**
     * A valid access token, rotated first when it is about to expire. Under a lock, and re-read inside it: a second
     * caller finds the new pair instead of spending the old refresh token again (which would sign the device out).
     * The refresh keeps its Idempotency-Key until answered, so a refresh whose answer was lost is retried safely.
     */
    accessToken(rejected = null) {
        return this.lock('es-auth', async () => {
            const auth = await this.kv.get('auth');
            if (!auth) {
                throw new SignedOut('none');
            }
            const fresh = Date.parse(auth.accessExpiresAt) - this.now() > EARLY;
            if (fresh && auth.accessToken !== rejected) {
                return auth.accessToken;
            }
            if (!auth.refreshKey) {
                auth.refreshKey = newKey();
                await this.kv.set('auth', auth);
            }
            const response = await this.raw('POST', 'auth/refresh', {
                body: { refreshToken: auth.refreshToken }, headers: { 'Idempotency-Key': auth.refreshKey },
            });
            if (response.ok) {
                await this.kv.set('auth', { ...tokens(response.body), email: auth.email });
                return response.body.accessToken;
            }
            if (response.status === 400 || response.status === 401) {
                await this.forget('revoked');
                throw new SignedOut('revoked');
            }
            throw new Offline();
        });
    }

    /**
     * A call with the access token. A 401 means the token was revoked or expired early: one rotation, one retry; if
     * the refresh is refused as well, the device was signed out (from the account page, or everywhere) and so is the app.
     */
    async call(method, path, options = {}) {
        let token = await this.accessToken();
        let response = await this.raw(method, path, { ...options, token });
        if (response.status === 401) {
            token = await this.accessToken(token);
            response = await this.raw(method, path, { ...options, token });
            if (response.status === 401) {
                await this.forget('revoked');
                throw new SignedOut('revoked');
            }
        }
        return response;
    }

    get(path) {
        return this.call('GET', path);
    }

    /** A write with a fresh Idempotency-Key (writes that may be retried later go through the outbox instead). */
    write(method, path, body, headers = {}) {
        return this.call(method, path, { body, headers: { 'Idempotency-Key': newKey(), ...headers } });
    }
}

function tokens(body) {
    return {
        accessToken: body.accessToken, accessExpiresAt: body.accessExpiresAt,
        refreshToken: body.refreshToken, refreshExpiresAt: body.refreshExpiresAt, deviceId: body.deviceId,
    };
}
