// The app's start: language, service worker, the routes (#/today, #/plan, ...) and when to get in step with the
// server: at start, when the connection returns, when the app comes back to the front, every minute while shown,
// and right after a write was queued.
import { h, say } from './ui.js';
import { t, language, setLanguage, pickLanguage } from './i18n.js';
import { kv } from './db.js';
import { client, outbox, refresh, listen, useLanguage, SignedOut } from './sync.js';
import * as views from './views.js';
import * as quiz from './quiz.js';
import * as shadowing from './shadowing.js';
import { isAnswer } from './company.js';

const ROUTES = [
    [/^#\/today$/, views.today, 'today'],
    [/^#\/plan$/, views.plan, 'plan'],
    [/^#\/module\/([\w-]+)$/, views.module, 'plan'],
    [/^#\/quiz\/([\w-]+)$/, quiz.intro, 'plan'],
    [/^#\/attempt\/(\d+)$/, quiz.attempt, 'plan'],
    [/^#\/result\/(\d+)$/, quiz.result, 'plan'],
    [/^#\/shadowing$/, shadowing.list, 'shadowing'],
    [/^#\/reflect\/(\d+)$/, shadowing.reflect, 'shadowing'],
    [/^#\/notifications$/, views.notifications, 'notifications'],
    [/^#\/sync$/, views.sync, 'sync'],
];
const TABS = ['today', 'plan', 'shadowing', 'notifications', 'sync'];

const app = {
    /** Live views are drawn again when new data arrives; forms being filled in are left alone. */
    live: false,

    go(hash) {
        if (location.hash === hash) {
            render();
        } else {
            location.hash = hash;
        }
    },

    /** A write was queued: send it now if possible, and ask for Background Sync in case the connection is gone. */
    async queued(message) {
        say(message);
        await badge();
        const registration = navigator.serviceWorker && await navigator.serviceWorker.getRegistration();
        if (registration && registration.sync) {
            registration.sync.register('es-outbox').catch(() => undefined);
        }
        if (navigator.onLine) {
            inStep();
        }
    },

    signedOut(reason) {
        caches.delete('es-app-pictures').catch(() => undefined);
        signIn(reason === 'revoked' ? t('signIn.revoked') : reason === 'signedOut' ? t('signIn.signedOut') : null);
    },

    refresh: () => inStep(),
};

let current = null;
let renders = 0;

/** Draws the view of the current hash; of renders that overlap (new data while drawing), only the last one shows. */
async function render() {
    const turn = ++renders;
    if (!(await client.signedIn())) {
        signIn(null);
        return;
    }
    const hash = location.hash || '#/today';
    const route = ROUTES.find(([pattern]) => pattern.test(hash));
    if (!route) {
        location.replace('#/today');
        return;
    }
    const [pattern, view, tab] = route;
    chrome(tab);
    const main = document.getElementById('main');
    const changedPage = current !== hash;
    current = hash;
    app.live = false;
    let content;
    try {
        content = await view(app, ...hash.match(pattern).slice(1));
    } catch (e) {
        if (e instanceof SignedOut) {
            return;
        }
        throw e;
    }
    if (turn !== renders) {
        return;
    }
    main.replaceChildren(content);
    const title = main.querySelector('h1');
    document.title = (title ? title.textContent + ' – ' : '') + t('app.name');
    if (changedPage && title) {
        title.focus();
    }
}

function chrome(active) {
    document.getElementById('nav').replaceChildren(...TABS.map(tab =>
        h('a', { href: '#/' + tab, class: 'tab' + (tab === active ? ' tab--active' : ''), 'aria-current': tab === active ? 'page' : null },
            h('span', { class: 'tab__icon tab__icon--' + tab, 'aria-hidden': 'true' }), t('tab.' + tab))));
    document.getElementById('nav').hidden = false;
    badge();
}

function signIn(message) {
    current = null;
    document.getElementById('nav').hidden = true;
    document.getElementById('nav').replaceChildren();
    document.getElementById('main').replaceChildren(views.signIn(app, message, signedIn));
    document.title = t('signIn.title') + ' – ' + t('app.name');
    document.getElementById('page-title').focus();
}

async function signedIn() {
    await inStep();
    location.hash = '#/today';
    current = null;
    render();
}

/** The header's count of writes waiting and whether the server can be reached. */
async function badge() {
    const waiting = (await outbox.items()).length;
    const element = document.getElementById('waiting');
    element.hidden = waiting === 0;
    element.textContent = t('header.waiting', waiting);
    const line = document.getElementById('connection');
    line.textContent = navigator.onLine ? '' : t('header.offline');
    line.hidden = navigator.onLine;
}

async function inStep() {
    const report = await refresh();
    if (report.signedOut) {
        return report;
    }
    if (report.refused) {
        say(t('sync.refusedNow', report.refused));
    } else if (report.sent) {
        say(t('sync.sentNow', report.sent));
    }
    await badge();
    if (app.live && (report.sent || report.refused || report.pulled)) {
        render();
    }
    return report;
}

/** The language button, and the words of index.html itself. */
function languageSwitch() {
    document.getElementById('skip').textContent = t('app.skip');
    document.getElementById('nav').setAttribute('aria-label', t('tab.label'));
    const button = document.getElementById('language');
    button.textContent = t('header.otherLanguage');
    button.setAttribute('lang', language() === 'de' ? 'en' : 'de');
    button.onclick = async () => {
        const next = language() === 'de' ? 'en' : 'de';
        setLanguage(next);
        useLanguage(next);
        await kv.set('language', next);
        document.documentElement.lang = next;
        languageSwitch();
        current = null;
        render();
    };
}

async function start() {
    const chosen = pickLanguage(await kv.get('language'), navigator.languages || [navigator.language]);
    setLanguage(chosen);
    useLanguage(chosen);
    document.documentElement.lang = chosen;
    languageSwitch();
    listen(event => {
        if (event.type === 'signedOut') {
            app.signedOut(event.reason);
        }
    });
    if ('serviceWorker' in navigator) {
        navigator.serviceWorker.register('sw.js', { type: 'module', scope: './' }).catch(() => undefined);
        navigator.serviceWorker.addEventListener('message', event => {
            if (event.data && event.data.type === 'signedOut') {
                app.signedOut(event.data.reason);
            } else if (event.data && event.data.type === 'changed') {
                badge();
                if (app.live) {
                    render();
                }
            }
        });
    }
    window.addEventListener('hashchange', render);
    window.addEventListener('online', () => { badge(); inStep(); });
    window.addEventListener('offline', () => { badge(); say(t('header.offline')); });
    document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') {
            inStep();
        }
    });
    setInterval(() => {
        if (document.visibilityState === 'visible' && navigator.onLine) {
            inStep();
        }
    }, 60_000);
    if (isAnswer(location.search)) {
        // an answer that fails on a phone already signed in (an old address opened again) leaves that sign-in alone
        await views.companyAnswer(app, signedIn, async message => ((await client.signedIn()) ? render() : signIn(message)));
        return;
    }
    await render();
    if (await client.signedIn()) {
        await inStep();
        if (!app.live) {
            badge();
        }
    }
}

start();
