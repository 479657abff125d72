// What the page and the service worker share: the client, the outbox and what each sent or refused write changes
// locally, and "in step": send what waits, then fetch what changed on the server (GET sync?since=).
import { kv, outboxStore } from './db.js';
import { Client } from './api.js';
import { Outbox, Offline, SignedOut, localLock } from './outbox.js';

export { Offline, SignedOut };

const lock = globalThis.navigator && navigator.locks
    ? (name, work) => navigator.locks.request(name, work)
    : localLock();

let language = 'en';
const listeners = new Set();

/** Kept across sign-outs: the language, and whose writes the outbox holds. */
const KEPT = new Set(['language', 'owner']);

export function useLanguage(code) {
    language = code;
}

/** Called with {type: 'signedOut', reason} or {type: 'changed'} (after a flush or a pull changed what is stored). */
export function listen(listener) {
    listeners.add(listener);
}

function tell(event) {
    listeners.forEach(listener => listener(event));
}

async function forget(reason) {
    for (const key of await kv.keys()) {
        if (!KEPT.has(key)) {
            await kv.delete(key);
        }
    }
    tell({ type: 'signedOut', reason });
}

export const client = new Client({
    kv, fetch: (...args) => fetch(...args), lock, base: new URL('../../api/v1/', import.meta.url).href,
    language: () => language, forget,
});

export const outbox = new Outbox({
    store: outboxStore, lock,
    send: async item => {
        const headers = { 'Idempotency-Key': item.key };
        if (item.ifMatchOf) {
            const etag = await kv.get('etag:' + item.ifMatchOf);
            if (etag) {
                headers['If-Match'] = etag;
            }
        }
        return client.call(item.method, item.path, { body: item.body, headers });
    },
    sent: async (item, response) => {
        if (item.ifMatchOf && response.etag) {
            await kv.set('etag:' + item.ifMatchOf, response.etag);
        }
        if (item.kind === 'refresher') {
            await kv.set(`outcome:${item.body.day}:${item.body.cardId}`, response.body);
        } else if (item.kind === 'attemptSave') {
            await kv.set('attempt:' + item.attemptId, response.body);
        } else if (item.kind === 'attemptSubmit') {
            await kv.set('result:' + item.attemptId, response.body);
        } else if (item.kind === 'reflection') {
            await kv.delete('draft:reflection:' + item.body.bookingId);
        }
    },
    refused: async (item, response, cause) => {
        const notices = (await kv.get('notices')) || [];
        notices.unshift({
            label: item.label, kind: item.kind, at: Date.now(), status: response.status,
            code: response.problem && response.problem.code, detail: response.problem && response.problem.detail,
            follower: cause !== item, attemptId: item.attemptId,
        });
        await kv.set('notices', notices.slice(0, 20));
        if (item.attemptId && cause === item) {
            await reloadAttempt(item.attemptId);
        }
        if (item.kind === 'refresher') {
            // the outcome shown is then the server's (another device's answer), so this device's pick is not shown with it
            const picked = await kv.get('picked');
            if (picked && picked.answers) {
                delete picked.answers[item.body.cardId];
                await kv.set('picked', picked);
            }
        }
    },
});

/** After a refusal the server's copy of an attempt wins: the app shows what was saved (or submitted) there. */
async function reloadAttempt(id) {
    const attempt = await client.get('attempts/' + id);
    if (attempt.ok) {
        await kv.set('attempt:' + id, attempt.body);
        await kv.set('etag:attempt:' + id, attempt.etag);
        await kv.delete('answers:' + id);
        if (attempt.body.submitted) {
            const result = await client.get(`attempts/${id}/result`);
            if (result.ok) {
                await kv.set('result:' + id, result.body);
            }
        }
    }
}

/** The answer of `work`, or null when the server cannot be reached. */
export async function whenOnline(work) {
    try {
        return await work();
    } catch (e) {
        if (e instanceof Offline) {
            return null;
        }
        throw e;
    }
}

/**
 * The server's current answer to a GET, kept under `key` for offline use; without a connection (or refused), the copy
 * kept last time. `response` is null when offline.
 */
export async function fresh(path, key) {
    const response = await whenOnline(() => client.get(path));
    if (response && response.ok) {
        await kv.set(key, response.body);
        return { value: response.body, response };
    }
    return { value: await kv.get(key), response };
}

/** Fetches the parts (me, plan, refreshers, bookings, notifications) that changed since the last pull. */
export async function pull() {
    const since = await kv.get('syncToken');
    let response = await client.get('sync' + (since ? '?since=' + encodeURIComponent(since) : ''));
    if (response.status === 400 && since) {
        response = await client.get('sync');
    }
    if (!response.ok) {
        return false;
    }
    for (const [part, value] of Object.entries(response.body.changed || {})) {
        await kv.set('part:' + part, value);
    }
    await kv.set('syncToken', response.body.token);
    return true;
}

let running = null;

/**
 * Sends what waits, then pulls what changed. One run at a time in this context; the outbox lock keeps the page and
 * the service worker from sending the same write at once (the Idempotency-Key would make a double harmless anyway).
 */
export function refresh() {
    if (!running) {
        running = (async () => {
            const stored = await kv.get('language');
            if (stored) {
                language = stored;
            }
            if (!(await client.signedIn())) {
                return { signedOut: true };
            }
            const report = await outbox.flush();
            try {
                if (!report.offline && !report.signedOut && await pull()) {
                    report.pulled = true;
                    if ((await outbox.items()).length === 0) {
                        await kv.set('inStepAt', new Date().toISOString());
                    }
                }
            } catch (e) {
                if (e instanceof Offline) {
                    report.offline = true;
                } else if (e instanceof SignedOut) {
                    report.signedOut = true;
                } else {
                    throw e;
                }
            }
            await kv.set('lastTry', { at: new Date().toISOString(), offline: report.offline });
            tell({ type: 'changed', report });
            return report;
        })().finally(() => {
            running = null;
        });
    }
    return running;
}
