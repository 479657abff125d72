import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load, memoryStore } from './app.mjs';

const { Outbox, Offline, SignedOut, localLock } = await load('outbox.js');

function outbox(send, extra = {}) {
    const store = memoryStore();
    const sent = [];
    const refused = [];
    const box = new Outbox({
        store, lock: localLock(), send,
        sent: async (item, response) => { sent.push([item.label, response.status]); },
        refused: async (item, response, cause) => { refused.push([item.label, response.status, cause.label]); },
        ...extra,
    });
    return { box, store, sent, refused };
}

const ok = { status: 200, ok: true, body: {} };

test('writes go oldest first, each with its own Idempotency-Key, and leave the outbox once taken', async () => {
    const keys = [];
    const { box, sent } = outbox(async item => { keys.push([item.label, item.key]); return ok; });
    await box.add({ label: 'a', method: 'POST', path: 'refreshers/answers', body: { cardId: 1 } });
    await box.add({ label: 'b', method: 'POST', path: 'refreshers/answers', body: { cardId: 2 } });
    const report = await box.flush();
    assert.deepEqual(keys.map(([label]) => label), ['a', 'b']);
    assert.notEqual(keys[0][1], keys[1][1]);
    assert.match(keys[0][1], /^[A-Za-z0-9-]{8,100}$/, 'a key the server accepts');
    assert.deepEqual(sent, [['a', 200], ['b', 200]]);
    assert.equal(report.sent, 2);
    assert.deepEqual(await box.items(), []);
});

test('offline: everything stays, and the next try sends the same request with the same key', async () => {
    let online = false;
    const keys = [];
    const { box } = outbox(async item => {
        keys.push(item.key);
        if (!online) {
            throw new Offline();
        }
        return ok;
    });
    await box.add({ label: 'a', method: 'POST', path: 'x' });
    await box.add({ label: 'b', method: 'POST', path: 'x' });
    const first = await box.flush();
    assert.equal(first.offline, true);
    assert.equal(first.waiting, 2);
    assert.equal((await box.items()).length, 2);
    online = true;
    const second = await box.flush();
    assert.equal(second.sent, 2);
    assert.equal(keys[0], keys[1], 'the write that may have reached the server is retried with its key');
});

test('the latest quiz answers replace a save that was never tried, but never one that may have reached the server', async () => {
    let online = false;
    const bodies = [];
    const { box } = outbox(async item => {
        if (!online) {
            throw new Offline();
        }
        bodies.push([item.key, item.body.answers]);
        return ok;
    });
    const save = answers => box.add({ label: 'save', method: 'PUT', path: 'attempts/7', body: { answers }, replaces: 'save:7', group: 'attempt:7' });
    const first = await save(['a']);
    await save(['a', 'b']);
    assert.equal((await box.items()).length, 1, 'one save waits');
    assert.deepEqual((await box.items())[0].body.answers, ['a', 'b']);
    await box.flush();
    await save(['a', 'b', 'c']);
    const waiting = await box.items();
    assert.equal(waiting.length, 2, 'the tried save keeps its body; the new answers wait behind it');
    assert.deepEqual(waiting[0].body.answers, ['a', 'b']);
    assert.equal(waiting[0].key, first.key);
    online = true;
    await box.flush();
    assert.deepEqual(bodies.map(([, answers]) => answers), [['a', 'b'], ['a', 'b', 'c']]);
});

test('a refused write leaves the queue with the later writes of its group, and the others still go', async () => {
    const { box, refused, sent } = outbox(async item => (item.label === 'save' ? { status: 412, ok: false, problem: { code: 'error.preconditionFailed' } } : ok));
    await box.add({ label: 'save', method: 'PUT', path: 'attempts/7', group: 'attempt:7' });
    await box.add({ label: 'refresher', method: 'POST', path: 'refreshers/answers' });
    await box.add({ label: 'submit', method: 'POST', path: 'attempts/7/submit', group: 'attempt:7' });
    const report = await box.flush();
    assert.deepEqual(refused, [['save', 412, 'save'], ['submit', 412, 'save']]);
    assert.deepEqual(sent, [['refresher', 200]]);
    assert.equal(report.refused, 2);
    assert.deepEqual(await box.items(), []);
});

test('server trouble (5xx, 429) keeps the write and everything after it for later', async () => {
    const { box } = outbox(async () => ({ status: 503, ok: false, problem: {} }));
    await box.add({ label: 'a', method: 'POST', path: 'x' });
    await box.add({ label: 'b', method: 'POST', path: 'x' });
    const report = await box.flush();
    assert.equal(report.waiting, 2);
    const items = await box.items();
    assert.equal(items[0].lastError, 503);
    assert.equal(items[0].tries, 1);
    assert.equal(items[1].tries, 0);
});

test('signed out: nothing is sent or lost', async () => {
    const { box } = outbox(async () => { throw new SignedOut('revoked'); });
    await box.add({ label: 'a', method: 'POST', path: 'x' });
    const report = await box.flush();
    assert.equal(report.signedOut, true);
    assert.equal((await box.items()).length, 1);
});

test('two flushes at once (the page and Background Sync) send each write once', async () => {
    const sent = [];
    const { box } = outbox(async item => {
        sent.push(item.label);
        await new Promise(resolve => setTimeout(resolve, 5));
        return ok;
    });
    await box.add({ label: 'a', method: 'POST', path: 'x' });
    await box.add({ label: 'b', method: 'POST', path: 'x' });
    await Promise.all([box.flush(), box.flush()]);
    assert.deepEqual(sent, ['a', 'b']);
});

test('answers changed while a save is on its way do not change what is being sent', async () => {
    let release;
    const gate = new Promise(resolve => { release = resolve; });
    const bodies = [];
    const { box } = outbox(async item => {
        bodies.push(item.body.answers);
        await gate;
        return ok;
    });
    await box.add({ label: 'save', method: 'PUT', path: 'attempts/7', body: { answers: ['a'] }, replaces: 'save:7' });
    const flushing = box.flush();
    await new Promise(resolve => setTimeout(resolve, 5));
    await box.add({ label: 'save', method: 'PUT', path: 'attempts/7', body: { answers: ['a', 'b'] }, replaces: 'save:7' });
    release();
    await flushing;
    await box.flush();
    assert.deepEqual(bodies, [['a'], ['a', 'b']]);
});
