// Writes made offline wait here, in order, each with the Idempotency-Key it keeps until the server has answered, so
// that sending one again (a lost answer, a second tab, Background Sync) never makes it count twice.
// No browser API is used directly: the store, the sender and the lock are given, which lets `node --test` run it.

export class Offline extends Error {
    constructor() {
        super('offline');
    }
}

export class SignedOut extends Error {
    constructor(reason) {
        super('signed out: ' + reason);
        this.reason = reason;
    }
}

export function newKey() {
    return crypto.randomUUID();
}

/** A status worth trying again later: the server or a proxy is struggling, not refusing this write. */
export function retryLater(status) {
    return status === 408 || status === 425 || status === 429 || status >= 500;
}

export class Outbox {
    /**
     * @param store  {all, add, put, delete} of items with an auto-numbered `seq`
     * @param send   async item -> {status, ok, body, etag, problem}; throws Offline or SignedOut
     * @param lock   async (name, work) -> result of work, one holder at a time (navigator.locks in the browser)
     * @param sent   async (item, response) after the server took a write
     * @param refused async (item, response, cause) after the server refused it (cause: the item of the group that was refused)
     */
    constructor({ store, send, lock, sent = async () => {}, refused = async () => {}, now = () => Date.now() }) {
        Object.assign(this, { store, send, lock, sent, refused, now });
    }

    async items() {
        return (await this.store.all()).sort((a, b) => a.seq - b.seq);
    }

    /**
     * Queues a write: {kind, label, method, path, body, ifMatchOf (the name of the ETag to send in If-Match, read when
     * sending), replaces, group, and anything the handlers need}. With `replaces`, a waiting write of the same name that was never tried is updated instead of
     * queuing another (the latest answers of a quiz replace the earlier ones). One that may have reached the server
     * keeps its body and key, so that its retry stays the same request.
     */
    add(write) {
        return this.lock('es-outbox-items', async () => {
            if (write.replaces) {
                const waiting = (await this.items()).find(item => item.replaces === write.replaces && item.tries === 0);
                if (waiting) {
                    Object.assign(waiting, write);
                    await this.store.put(waiting);
                    return waiting;
                }
            }
            const item = {
                body: null, ifMatchOf: null, replaces: null, group: null, ...write,
                key: newKey(), createdAt: this.now(), tries: 0, lastError: null,
            };
            item.seq = await this.store.add(item);
            return item;
        });
    }

    /** Marks a write as tried before sending it, so that it is never replaced once it may have reached the server. */
    tried(seq) {
        return this.lock('es-outbox-items', async () => {
            const item = await this.store.get(seq);
            if (item) {
                item.tries++;
                await this.store.put(item);
            }
            return item;
        });
    }

    /**
     * Sends what waits, oldest first, and stops at the first write that cannot go now (offline, server trouble).
     * A refused write (4xx) leaves the queue and takes the later writes of its group with it: a quiz submission is
     * not sent after its answers were refused.
     */
    flush() {
        return this.lock('es-outbox', async () => {
            const report = { sent: 0, refused: 0, waiting: 0, offline: false, signedOut: false };
            const items = await this.items();
            const dropped = new Set();
            for (let i = 0; i < items.length; i++) {
                if (dropped.has(items[i].seq)) {
                    continue;
                }
                const item = await this.tried(items[i].seq);
                if (!item) {
                    continue;
                }
                let response;
                try {
                    response = await this.send(item);
                } catch (e) {
                    if (e instanceof Offline || e instanceof SignedOut) {
                        report.offline = e instanceof Offline;
                        report.signedOut = e instanceof SignedOut;
                        report.waiting = items.length - i - dropped.size;
                        return report;
                    }
                    throw e;
                }
                if (response.ok) {
                    await this.sent(item, response);
                    await this.store.delete(item.seq);
                    report.sent++;
                } else if (retryLater(response.status)) {
                    item.lastError = response.status;
                    await this.store.put(item);
                    report.waiting = items.length - i - dropped.size;
                    return report;
                } else {
                    const followers = item.group ? items.slice(i + 1).filter(other => other.group === item.group) : [];
                    await this.refused(item, response, item);
                    await this.store.delete(item.seq);
                    report.refused++;
                    for (const follower of followers) {
                        dropped.add(follower.seq);
                        await this.refused(follower, response, item);
                        await this.store.delete(follower.seq);
                        report.refused++;
                    }
                }
            }
            return report;
        });
    }
}

/** One holder at a time within this JavaScript context: the lock for tests and for browsers without navigator.locks. */
export function localLock() {
    const tails = new Map();
    return (name, work) => {
        const previous = tails.get(name) || Promise.resolve();
        const result = previous.then(work, work);
        tails.set(name, result.catch(() => {}));
        return result;
    };
}
