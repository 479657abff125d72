// The service worker: keeps the app's own files for offline starts (served from the cache, refreshed in the
// background; with them the colours shared with the pages, ../resources/css/tokens.css), keeps the pictures of modules
// once shown (fetched with the bearer token, which an <img> cannot send), and sends the outbox on Background Sync.
// The API itself is never cached here: the app keeps its data in IndexedDB.
import { client, refresh, listen, SignedOut, Offline } from './js/sync.js';

const SHELL = 'es-app-shell-v3';
const PICTURES = 'es-app-pictures';
const FILES = [
    './', 'index.html', '../resources/css/tokens.css', 'app.css', 'manifest.webmanifest', 'icons/icon-192.png', 'icons/icon-512.png',
    'js/main.js', 'js/views.js', 'js/quiz.js', 'js/shadowing.js', 'js/answers.js', 'js/ui.js', 'js/i18n.js', 'js/sync.js', 'js/api.js',
    'js/outbox.js', 'js/db.js', 'js/company.js',
];
const scope = new URL(self.registration.scope);
const shellPaths = new Set(FILES.map(file => new URL(file, scope).pathname));
const assets = new URL('../content-assets/', scope).pathname;

self.addEventListener('install', event => {
    event.waitUntil(caches.open(SHELL).then(cache => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
    event.waitUntil((async () => {
        for (const name of await caches.keys()) {
            if (name.startsWith('es-app-shell-') && name !== SHELL) {
                await caches.delete(name);
            }
        }
        await self.clients.claim();
    })());
});

self.addEventListener('fetch', event => {
    const url = new URL(event.request.url);
    if (event.request.method !== 'GET' || url.origin !== scope.origin) {
        return;
    }
    if (url.pathname.startsWith(assets)) {
        event.respondWith(picture(event.request));
    } else if (url.pathname.startsWith(scope.pathname) || shellPaths.has(url.pathname)) {
        event.respondWith(shell(event, url));
    }
});

/** The app's own files: from the cache at once, refreshed from the server for the next start. */
async function shell(event, url) {
    const cache = await caches.open(SHELL);
    const key = event.request.mode === 'navigate' ? new URL('index.html', scope).href : url.href.split('#')[0];
    const cached = await cache.match(key, { ignoreSearch: true });
    const fresh = fetch(key, { cache: 'no-cache' }).then(response => {
        if (response.ok) {
            cache.put(key, response.clone());
        }
        return response;
    });
    if (cached) {
        event.waitUntil(fresh.catch(() => undefined));
        return cached;
    }
    return fresh.catch(() => new Response('Offline', { status: 503, headers: { 'Content-Type': 'text/plain' } }));
}

/** A module's picture: kept once shown, so that an opened module reads offline with its pictures. */
async function picture(request) {
    const cache = await caches.open(PICTURES);
    const cached = await cache.match(request.url);
    if (cached) {
        return cached;
    }
    try {
        const token = await client.accessToken();
        const response = await fetch(request.url, { headers: { Authorization: 'Bearer ' + token }, credentials: 'omit' });
        if (response.ok) {
            await cache.put(request.url, response.clone());
        }
        return response;
    } catch (e) {
        if (e instanceof Offline || e instanceof SignedOut || e instanceof TypeError) {
            return new Response('', { status: 504 });
        }
        throw e;
    }
}

self.addEventListener('sync', event => {
    if (event.tag === 'es-outbox') {
        event.waitUntil(refresh().then(report => {
            if (report.offline) {
                throw new Error('still offline: the browser tries again later');
            }
        }));
    }
});

listen(async change => {
    const report = change.report || {};
    if (change.type === 'signedOut' || report.sent || report.refused || report.pulled) {
        for (const window of await self.clients.matchAll({ type: 'window' })) {
            window.postMessage(change.type === 'signedOut' ? change : { type: 'changed' });
        }
    }
});
