// Sign-in, today's refreshers, the plan, a module, notifications and the sync page. Each view draws from what is
// stored (so it works offline) and fetches fresh data when the server can be reached.
import { h, say, date, dateTime, heading, notice, refusal } from './ui.js';
import { t } from './i18n.js';
import { kv, outboxStore } from './db.js';
import { client, outbox, fresh, whenOnline, Offline } from './sync.js';
import { answerFields, readAnswer } from './answers.js';
import * as company from './company.js';

export function signIn(app, message, signedIn) {
    const error = h('p', { id: 'signin-error', class: 'field-error', role: 'alert' });
    const email = h('input', { id: 'email', name: 'email', type: 'email', autocomplete: 'username', required: true, 'aria-describedby': 'signin-error' });
    const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, 'aria-describedby': 'signin-error' });
    const button = h('button', { id: 'signin', type: 'submit', class: 'button' }, t('signIn.submit'));
    const form = h('form', { class: 'card form', novalidate: true, onsubmit: async event => {
        event.preventDefault();
        error.textContent = '';
        if (!email.value.trim() || !password.value) {
            error.textContent = t('signIn.missing');
            (email.value.trim() ? password : email).focus();
            return;
        }
        button.disabled = true;
        const response = await whenOnline(() => client.signIn(email.value.trim(), password.value, t('signIn.device', deviceName())))
            .finally(() => { button.disabled = false; });
        if (response && response.ok) {
            await ownedBy(email.value.trim());
            await signedIn();
            return;
        }
        error.textContent = !response ? t('signIn.offline') : response.status === 401 ? t('signIn.wrong') : refusal(response.problem);
        password.focus();
    } },
    h('div', { class: 'field' }, h('label', { for: 'email' }, t('signIn.email')), email),
    h('div', { class: 'field' }, h('label', { for: 'password' }, t('signIn.password')), password),
    error, button);
    const companyPlace = h('div', { id: 'company' });
    companyButton(companyPlace);
    return h('section', { class: 'signin' },
        heading(t('signIn.title')),
        message ? notice(message, 'warn') : null,
        h('p', {}, t('signIn.intro')),
        companyPlace,
        form);
}

/** "Sign in with <company>" above the form, when the server says the company's sign-in is set up for the app. */
async function companyButton(place) {
    const config = await whenOnline(() => client.companySignIn());
    if (!config) {
        return;
    }
    const error = h('p', { id: 'company-error', class: 'field-error', role: 'alert' });
    const button = h('button', { id: 'company-signin', type: 'button', class: 'button', 'aria-describedby': 'company-error', onclick: async () => {
        button.disabled = true;
        error.textContent = '';
        try {
            location.assign(await company.start({ kv, config, location, device: t('signIn.device', deviceName()) }));
        } catch (e) {
            button.disabled = false;
            error.textContent = t('signIn.company.failed');
        }
    } }, t('signIn.company', config.name));
    place.replaceChildren(h('p', { class: 'company-sign-in' }, button), error,
        h('p', { class: 'hint', id: 'password-hint' }, config.localPasswords ? t('signIn.orPassword') : t('signIn.passwordBreakGlass')));
}

/**
 * Back from the provider with its answer in the query: the code is taken out of the address (and its history entry)
 * first, then spent. Signed in: as after a password sign-in. Refused: the sign-in screen says why.
 */
export async function companyAnswer(app, signedIn, showSignIn) {
    const search = location.search;
    history.replaceState(null, '', location.pathname + '#/today');
    let outcome;
    try {
        outcome = await company.finish({ kv, client, search });
    } catch (e) {
        showSignIn(t(e instanceof Offline ? 'signIn.offline' : 'signIn.company.failed'));
        return;
    }
    if (outcome.refused) {
        showSignIn(t(outcome.refused === 'state' ? 'signIn.company.expired' : 'signIn.company.cancelled'));
        return;
    }
    if (!outcome.response.ok) {
        showSignIn(refusal(outcome.response.problem));
        return;
    }
    const me = await client.get('me').catch(() => null);
    if (me && me.ok) {
        await ownedBy(me.body.email);
    } else if (await kv.get('owner')) {
        // whose writes wait here cannot be told: none is sent in this person's name
        await outboxStore.clear();
        await kv.delete('notices');
        await kv.delete('owner');
    }
    await signedIn();
}

/** The outbox holds writes of one person: another one signing in on this phone starts with none of them. */
async function ownedBy(email) {
    const owner = await kv.get('owner');
    if (owner && owner !== email.toLowerCase()) {
        await outboxStore.clear();
        await kv.delete('notices');
    }
    await kv.set('owner', email.toLowerCase());
}

function deviceName() {
    const agent = navigator.userAgent;
    const system = /Android/.test(agent) ? 'Android' : /iPhone|iPad/.test(agent) ? 'iOS' : /Mac/.test(agent) ? 'macOS'
        : /Windows/.test(agent) ? 'Windows' : 'Linux';
    const browser = /Edg\//.test(agent) ? 'Edge' : /Firefox\//.test(agent) ? 'Firefox' : /Chrom/.test(agent) ? 'Chrome' : 'Safari';
    return `${browser}, ${system}`;
}

/** A live view of one part kept by sync: the page with its heading, and the part (undefined before the first sync). */
async function livePart(app, part, title) {
    app.live = true;
    const value = await kv.get('part:' + part);
    return { value, page: h('section', {}, heading(title), value ? null : notice(t('common.notLoaded'))) };
}

// ---- today's refreshers

export async function today(app) {
    const { value: set, page } = await livePart(app, 'refreshers', t('today.title'));
    if (!set) {
        return page;
    }
    const waiting = (await outbox.items()).filter(item => item.kind === 'refresher' && item.body.day === set.day);
    const outcomes = {};
    for (const item of set.items) {
        outcomes[item.cardId] = item.outcome || await kv.get(`outcome:${set.day}:${item.cardId}`);
    }
    const done = set.items.filter(item => item.answered || outcomes[item.cardId] || waiting.some(w => w.body.cardId === item.cardId)).length;
    const picked = (await kv.get('picked')) || {};
    if (picked.day !== set.day) {
        await kv.set('picked', { day: set.day, answers: {} });
    }
    page.append(h('dl', { class: 'stats' },
        h('div', {}, h('dt', {}, t('today.streak')), h('dd', { id: 'streak' }, String(set.streak ? set.streak.current : 0))),
        h('div', {}, h('dt', {}, t('today.done')), h('dd', { id: 'done-today' }, `${done}/${set.items.length}`))));
    if (set.paused) {
        page.append(notice(t('today.paused', date(set.pausedUntil))));
    } else if (set.items.length === 0) {
        page.append(notice(t('today.nothing')));
    } else if (done === set.items.length) {
        page.append(notice(t('today.allDone'), 'ok'));
    }
    set.items.forEach((item, i) => {
        const pending = waiting.find(w => w.body.cardId === item.cardId);
        const answer = pending ? pending.body : picked.day === set.day ? picked.answers[item.cardId] : null;
        page.append(refresher(app, set, item, i, outcomes[item.cardId], pending, answer));
    });
    return page;
}

/** One refresher; `answer` is the one given here, kept for the day so that it still shows next to the outcome. */
function refresher(app, set, item, i, outcome, pending, answer) {
    const name = 'card-' + item.cardId;
    const card = h('article', { class: 'card refresher', id: 'refresher-' + item.cardId, 'aria-labelledby': name + '-title' },
        h('h2', { id: name + '-title', class: 'card__title' }, t('today.item', i + 1, set.items.length),
            item.title ? h('span', { class: 'card__subtitle' }, item.title) : null));
    const fields = answerFields(item, name, answer, () => { error.textContent = ''; });
    card.append(fields);
    const error = h('p', { class: 'field-error', id: name + '-error' });
    fields.fieldset.setAttribute('aria-describedby', [fields.fieldset.getAttribute('aria-describedby'), name + '-error'].filter(Boolean).join(' '));
    if (outcome) {
        fields.fieldset.disabled = true;
        card.append(outcomeOf(item, outcome));
    } else if (pending) {
        fields.fieldset.disabled = true;
        card.append(h('p', { class: 'pending', id: 'pending-' + item.cardId }, t('today.waiting')));
    } else {
        card.append(error, h('button', { type: 'button', class: 'button', id: 'check-' + item.cardId, onclick: async () => {
            const picked = readAnswer(fields, item);
            if (!picked || picked.incomplete) {
                error.textContent = t(picked ? 'answer.orderIncomplete' : 'answer.missing');
                fields.querySelector('input, select').focus();
                return;
            }
            const kept = (await kv.get('picked')) || { day: set.day, answers: {} };
            kept.answers[item.cardId] = { choices: picked.choices, value: picked.value ?? null };
            await kv.set('picked', kept);
            await outbox.add({
                kind: 'refresher', label: t('today.label', item.prompt), method: 'POST', path: 'refreshers/answers',
                body: { day: set.day, cardId: item.cardId, choices: picked.choices, value: picked.value ?? null },
            });
            app.go('#/today');
            await app.queued(navigator.onLine ? t('today.sending') : t('today.queued'));
        } }, t('today.check')));
    }
    return card;
}

function outcomeOf(item, outcome) {
    const right = [];
    if (outcome.rightValue !== undefined && outcome.rightValue !== null) {
        right.push(t(outcome.rightValue ? 'answer.true' : 'answer.false'));
    } else if (outcome.rightOrder && outcome.rightOrder.length) {
        right.push(...outcome.rightOrder);
    } else if (outcome.rightChoices) {
        right.push(...outcome.rightChoices.map(index => (item.options.find(o => o.index === index) || {}).text));
    }
    return h('div', { class: 'outcome outcome--' + (outcome.correct ? 'right' : 'wrong'), id: 'outcome-' + item.cardId },
        h('p', { class: 'outcome__verdict' }, t(outcome.correct ? 'today.right' : 'today.wrong')),
        right.length ? h('div', {}, h('p', {}, t('today.answer')), h(item.kind === 'ORDERING' ? 'ol' : 'ul', {}, right.map(text => h('li', {}, text)))) : null,
        outcome.explanation ? h('p', {}, outcome.explanation) : null,
        h('p', { class: 'hint' }, outcome.mastered ? t('today.mastered') : t('today.comesBack', date(outcome.nextDueOn))));
}

// ---- the plan

const STATUS_ORDER = ['OVERDUE', 'DUE_SOON', 'OPEN', 'UPCOMING', 'PAUSED', 'DONE'];

export async function plan(app) {
    const { value: plan, page } = await livePart(app, 'plan', t('plan.title'));
    if (!plan) {
        return page;
    }
    page.append(h('p', { id: 'plan-summary' }, t('plan.summary', plan.completed, plan.required)));
    const items = [...plan.items].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || String(a.dueOn).localeCompare(String(b.dueOn)));
    const open = items.filter(item => item.status !== 'DONE');
    const done = items.filter(item => item.status === 'DONE');
    page.append(h('h2', {}, t('plan.todo')), open.length ? planList(open) : notice(t('plan.nothingOpen'), 'ok'));
    if (done.length) {
        page.append(h('h2', {}, t('plan.done')), planList(done));
    }
    return page;
}

function planList(items) {
    return h('ul', { class: 'list' }, items.map(item => {
        const link = item.kind === 'MODULE' ? '#/module/' + item.code : item.kind === 'QUIZ' ? '#/quiz/' + item.code : '#/shadowing';
        return h('li', { class: 'list__item' },
            h('span', { class: 'kind' }, t('kind.' + item.kind)), ' ', h('a', { href: link, class: 'list__link' }, item.title),
            h('p', { class: 'list__meta status--' + item.status.toLowerCase() },
                item.status === 'DONE' ? t('plan.doneOn', date(item.completedAt)) : t('plan.status.' + item.status, date(item.dueOn))));
    }));
}

// ---- a module

export async function module(app, code) {
    const { value: module, response } = await fresh('modules/' + code, 'module:' + code);
    if (!module) {
        return h('section', {}, heading(t('module.title')),
            response ? notice(refusal(response.problem), 'error') : notice(t('module.offline'), 'warn'));
    }
    const text = h('div', { class: 'module-text' });
    const parsed = new DOMParser().parseFromString(module.html, 'text/html');
    text.append(...parsed.body.childNodes);
    text.querySelectorAll('h1').forEach(h1 => h1.replaceWith(h('h2', {}, h1.textContent)));
    const waiting = (await outbox.items()).some(item => item.kind === 'moduleRead' && item.code === code);
    const read = h('div', { class: 'card' });
    if (module.readOn) {
        read.append(h('p', {}, t('module.readOn', date(module.readOn))));
    } else if (waiting) {
        read.append(h('p', { class: 'pending' }, t('module.readWaiting')));
    } else {
        read.append(h('button', { type: 'button', class: 'button', id: 'mark-read', onclick: async () => {
            await outbox.add({ kind: 'moduleRead', code, label: t('module.label', module.title), method: 'POST', path: `modules/${code}/read` });
            await app.queued(t('module.readQueued'));
            app.go('#/module/' + code);
        } }, t('module.markRead')));
    }
    if (module.quiz) {
        read.append(h('p', {}, h('a', { href: '#/quiz/' + module.quiz }, t('module.quiz'))));
    }
    return h('article', { class: 'module' },
        heading(module.title),
        h('p', { class: 'hint' }, t('module.minutes', module.minutes), module.dueOn ? ' · ' + t('module.due', date(module.dueOn)) : ''),
        text, read);
}

// ---- notifications

export async function notifications(app) {
    const { value: list, page } = await livePart(app, 'notifications', t('notifications.title'));
    if (!list) {
        return page;
    }
    const waiting = (await outbox.items()).some(item => item.kind === 'notificationsRead');
    if (list.unread && !waiting) {
        page.append(h('button', { type: 'button', class: 'button button--secondary', id: 'mark-all-read', onclick: async () => {
            await outbox.add({ kind: 'notificationsRead', label: t('notifications.label'), method: 'POST', path: 'notifications/read' });
            await app.queued(t('notifications.readQueued'));
            app.go('#/notifications');
        } }, t('notifications.markRead', list.unread)));
    }
    if (!list.items.length) {
        page.append(notice(t('notifications.none')));
    }
    page.append(h('ul', { class: 'list' }, list.items.map(item => h('li', { class: 'list__item' + (item.readAt || waiting ? '' : ' list__item--unread') },
        h('h2', { class: 'list__heading' }, item.readAt || waiting ? null : h('span', { class: 'visually-hidden' }, t('notifications.unread') + ': '), item.subject),
        h('p', { class: 'list__meta' }, dateTime(item.createdAt)),
        item.body ? h('p', {}, item.body) : null))));
    return page;
}

// ---- sync: what waits, what was refused, when last in step; language and sign-out

export async function sync(app) {
    app.live = true;
    const waiting = await outbox.items();
    const notices = (await kv.get('notices')) || [];
    const inStepAt = await kv.get('inStepAt');
    const lastTry = await kv.get('lastTry');
    const me = await kv.get('part:me');
    const page = h('section', {}, heading(t('sync.title')));
    page.append(h('p', { id: 'in-step' }, inStepAt ? t('sync.inStepAt', dateTime(inStepAt)) : t('sync.neverInStep')));
    if (lastTry && lastTry.offline) {
        page.append(h('p', { class: 'hint' }, t('sync.lastTryOffline', dateTime(lastTry.at))));
    }
    page.append(h('h2', {}, t('sync.waitingTitle', waiting.length)));
    if (waiting.length) {
        page.append(h('ul', { class: 'list', id: 'waiting-list' }, waiting.map(item => h('li', { class: 'list__item' },
            h('p', {}, item.label),
            h('p', { class: 'list__meta' }, t('sync.since', dateTime(new Date(item.createdAt).toISOString())),
                item.lastError ? ' · ' + t('sync.serverTrouble', item.lastError) : '')))));
    } else {
        page.append(h('p', {}, t('sync.nothingWaiting')));
    }
    page.append(h('button', { type: 'button', class: 'button', id: 'send-now', onclick: async () => {
        const report = await app.refresh();
        if (report.offline) {
            say(t('sync.stillOffline'));
        } else if (!report.sent && !report.refused) {
            say(t('sync.upToDate'));
        }
    } }, t('sync.sendNow')));
    if (notices.length) {
        page.append(h('h2', {}, t('sync.refusedTitle')),
            h('ul', { class: 'list', id: 'refused-list' }, notices.map(n => h('li', { class: 'list__item' },
                h('p', {}, n.label), h('p', { class: 'notice notice--error' }, n.follower ? t('sync.notSentAfter') : refusal(n)),
                h('p', { class: 'list__meta' }, dateTime(new Date(n.at).toISOString()))))),
            h('button', { type: 'button', class: 'button button--secondary', onclick: async () => {
                await kv.delete('notices');
                app.go('#/sync');
            } }, t('sync.clearRefused')));
    }
    page.append(h('h2', {}, t('sync.accountTitle')));
    if (me) {
        page.append(h('p', { id: 'who' }, t('sync.signedInAs', `${me.firstName} ${me.lastName}`, me.email)));
    }
    if (waiting.length) {
        page.append(notice(t('sync.signOutWaiting', waiting.length), 'warn'));
    }
    page.append(
        h('button', { type: 'button', class: 'button button--secondary', id: 'sign-out', onclick: async () => {
            await client.signOut();
        } }, t('sync.signOut')));
    return page;
}
