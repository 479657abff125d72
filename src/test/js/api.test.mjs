import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load, memoryKv } from './app.mjs';

const { Client } = await load('api.js');
const { Offline, SignedOut, localLock } = await load('outbox.js');

const NOW = Date.parse('2026-12-01T10:00:00Z');

function response(status, body, headers = {}) {
    const all = { 'Content-Type': body ? 'application/json' : '', ...headers };
    return { status, ok: status >= 200 && status < 300, headers: { get: name => all[name] ?? null }, json: async () => body };
}

function pair(n) {
    return {
        accessToken: 'access-' + n, refreshToken: 'refresh-' + n, deviceId: 9,
        accessExpiresAt: new Date(NOW + 15 * 60_000).toISOString(), refreshExpiresAt: new Date(NOW + 30 * 86_400_000).toISOString(),
    };
}

function client({ expiresIn = 15 * 60_000, server }) {
    const kv = memoryKv({ auth: { ...pair(0), accessExpiresAt: new Date(NOW + expiresIn).toISOString(), email: 'ben@example.org' } });
    const calls = [];
    const forgotten = [];
    const api = new Client({
        kv, lock: localLock(), base: 'http://localhost/api/v1/', now: () => NOW,
        forget: async reason => { forgotten.push(reason); await kv.delete('auth'); },
        fetch: async (url, init) => {
            const call = { path: url.replace('http://localhost/api/v1/', ''), headers: init.headers, body: init.body && JSON.parse(init.body) };
            calls.push(call);
            return server(call, calls);
        },
    });
    return { api, kv, calls, forgotten };
}

test('a fresh access token is sent as it is', async () => {
    const { api, calls } = client({ server: () => response(200, { id: 1 }) });
    const answer = await api.get('me');
    assert.equal(answer.status, 200);
    assert.deepEqual(calls.map(c => c.path), ['me']);
    assert.equal(calls[0].headers.Authorization, 'Bearer access-0');
});

test('a token about to expire is rotated once, also when two calls need it at the same moment', async () => {
    let refreshes = 0;
    const { api, calls, kv } = client({
        expiresIn: 10_000,
        server: call => (call.path === 'auth/refresh' ? response(200, pair(++refreshes)) : response(200, {})),
    });
    await Promise.all([api.get('me'), api.get('me/plan')]);
    assert.equal(refreshes, 1, 'the second call finds the new pair instead of spending the old refresh token again');
    assert.deepEqual(calls.filter(c => c.path !== 'auth/refresh').map(c => c.headers.Authorization), ['Bearer access-1', 'Bearer access-1']);
    assert.equal((await kv.get('auth')).refreshToken, 'refresh-1');
    assert.equal(calls[0].body.refreshToken, 'refresh-0');
});

test('a refresh whose answer was lost is retried with the same Idempotency-Key', async () => {
    let lose = true;
    const { api, calls } = client({
        expiresIn: 0,
        server: call => {
            if (call.path === 'auth/refresh' && lose) {
                lose = false;
                throw new TypeError('Failed to fetch');
            }
            return call.path === 'auth/refresh' ? response(200, pair(1)) : response(200, {});
        },
    });
    await assert.rejects(api.get('me'), Offline);
    await api.get('me');
    const refreshes = calls.filter(c => c.path === 'auth/refresh');
    assert.equal(refreshes.length, 2);
    assert.equal(refreshes[0].headers['Idempotency-Key'], refreshes[1].headers['Idempotency-Key']);
});

test('a device signed out on the server (401, then the refresh refused) signs the app out', async () => {
    const { api, forgotten, kv } = client({
        server: call => (call.path === 'auth/refresh'
            ? response(401, { code: 'auth.error.refreshInvalid', status: 401 })
            : response(401, { code: 'auth.error.tokenInvalid', status: 401 }, { 'WWW-Authenticate': 'Bearer error="invalid_token"' })),
    });
    await assert.rejects(api.get('me'), SignedOut);
    assert.deepEqual(forgotten, ['revoked']);
    assert.equal(await kv.get('auth'), undefined);
});

test('an access token refused early is rotated and the call retried once', async () => {
    let refreshed = false;
    const { api, calls } = client({
        server: call => {
            if (call.path === 'auth/refresh') {
                refreshed = true;
                return response(200, pair(1));
            }
            return refreshed ? response(200, { id: 1 }) : response(401, { code: 'auth.error.tokenExpired' });
        },
    });
    const answer = await api.get('me');
    assert.equal(answer.status, 200);
    assert.deepEqual(calls.map(c => c.path), ['me', 'auth/refresh', 'me']);
});

test('a request that hangs counts as no connection, so that the outbox does not wait for ever', async () => {
    const kv = memoryKv({ auth: { ...pair(0), email: 'ben@example.org' } });
    const api = new Client({
        kv, lock: localLock(), base: 'http://localhost/api/v1/', now: () => NOW, timeout: 20,
        fetch: (url, init) => new Promise((resolve, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted')))),
    });
    await assert.rejects(api.get('me'), Offline);
});

test('problems come back as the server wrote them, for the app to put in words', async () => {
    const { api } = client({ server: () => response(409, { code: 'quizzes.error.alreadySubmitted', status: 409, detail: 'x' }) });
    const answer = await api.write('POST', 'attempts/7/submit', { answers: [] });
    assert.equal(answer.ok, false);
    assert.equal(answer.problem.code, 'quizzes.error.alreadySubmitted');
});
