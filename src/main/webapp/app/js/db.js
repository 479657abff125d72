// The app's IndexedDB: "kv" holds the tokens and the last answers read from the server, "outbox" the writes waiting
// to be sent (in order). A few promise helpers instead of a library.

const NAME = 'everyone-serves-app';
const VERSION = 1;
let opened;

function done(request) {
    return new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
    });
}

function db() {
    if (!opened) {
        const request = indexedDB.open(NAME, VERSION);
        request.onupgradeneeded = () => {
            request.result.createObjectStore('kv');
            request.result.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
        };
        opened = done(request);
    }
    return opened;
}

async function run(store, mode, work) {
    const tx = (await db()).transaction(store, mode);
    const complete = new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
    });
    const result = await done(work(tx.objectStore(store)));
    await complete;
    return result;
}

export const kv = {
    get: key => run('kv', 'readonly', s => s.get(key)),
    set: (key, value) => run('kv', 'readwrite', s => s.put(value, key)),
    delete: key => run('kv', 'readwrite', s => s.delete(key)),
    keys: () => run('kv', 'readonly', s => s.getAllKeys()),
};

export const outboxStore = {
    all: () => run('outbox', 'readonly', s => s.getAll()),
    get: seq => run('outbox', 'readonly', s => s.get(seq)),
    add: item => run('outbox', 'readwrite', s => s.add(item)),
    put: item => run('outbox', 'readwrite', s => s.put(item)),
    delete: seq => run('outbox', 'readwrite', s => s.delete(seq)),
    clear: () => run('outbox', 'readwrite', s => s.clear()),
};
