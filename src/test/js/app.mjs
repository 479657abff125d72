// Loads the app's browser modules in Node: they are plain ES modules named .js, which Node reads as modules only
// under a package.json saying so; a copy in a temporary folder gets one (Node 18 and newer, no flags).
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { webcrypto } from 'node:crypto';

globalThis.crypto ??= webcrypto;

const source = fileURLToPath(new URL('../../main/webapp/app/js/', import.meta.url));
const copy = mkdtempSync(join(tmpdir(), 'es-app-'));
cpSync(source, copy, { recursive: true });
writeFileSync(join(copy, 'package.json'), '{"type": "module"}');

export function load(name) {
    return import(pathToFileURL(join(copy, name)).href);
}

/** The outbox's store in memory, numbering items like IndexedDB's auto-increment. */
export function memoryStore() {
    const items = new Map();
    let next = 1;
    const clone = value => structuredClone(value);
    return {
        items,
        all: async () => [...items.values()].map(clone),
        get: async seq => (items.has(seq) ? clone(items.get(seq)) : undefined),
        add: async item => { const seq = next++; items.set(seq, clone({ ...item, seq })); return seq; },
        put: async item => { items.set(item.seq, clone(item)); },
        delete: async seq => { items.delete(seq); },
    };
}

export function memoryKv(initial = {}) {
    const values = new Map(Object.entries(initial));
    return {
        values,
        get: async key => structuredClone(values.get(key)),
        set: async (key, value) => { values.set(key, structuredClone(value)); },
        delete: async key => { values.delete(key); },
    };
}
