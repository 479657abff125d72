// Shadowing: my seats, booking or moving one (online: seats are counted by the server at that moment), and the
// reflection after the session, which may be written and queued offline.
import { h, say, date, dateTime, heading, notice, refusal } from './ui.js';
import { t } from './i18n.js';
import { kv } from './db.js';
import { client, outbox, fresh, whenOnline } from './sync.js';

const FRICTIONS = ['HANDOFF', 'WAITING', 'MISSING_INFORMATION', 'TOOLS', 'POLICY', 'JARGON', 'REPEAT_CONTACT', 'PROMISES', 'ACCESS', 'KNOWLEDGE'];

async function guide(code) {
    return (await fresh('shadowing/slots?guide=' + encodeURIComponent(code), 'guide:' + code)).value;
}

export async function list(app) {
    const plan = await kv.get('part:plan');
    const bookings = (await kv.get('part:bookings')) || [];
    const codes = new Set([
        ...((plan && plan.items) || []).filter(item => item.kind === 'GUIDE' && item.status !== 'DONE').map(item => item.code),
        ...bookings.filter(b => b.status === 'BOOKED' || b.canReflect).map(b => b.guideCode)]);
    const page = h('section', {}, heading(t('shadowing.title')));
    if (!codes.size) {
        page.append(notice(plan ? t('shadowing.nothing') : t('common.notLoaded')));
    }
    const queued = await outbox.items();
    // redrawn when a queued reflection is sent, so that it shows as arrived
    app.live = queued.some(item => item.kind === 'reflection');
    for (const code of codes) {
        const g = await guide(code);
        if (g) {
            page.append(guideCard(app, g, queued));
        }
    }
    return page;
}

function guideCard(app, g, queued) {
    const id = 'guide-' + g.code;
    const card = h('article', { class: 'card', id, 'aria-labelledby': id + '-title' },
        h('h2', { id: id + '-title', class: 'card__title' }, g.title),
        g.summary ? h('p', {}, g.summary) : null);
    const booking = g.booking || (g.history || []).find(b => b.canReflect && !b.reflectionId);
    if (booking) {
        card.append(h('p', { class: 'booking', id: 'booking-' + booking.id },
            h('strong', {}, t('shadowing.status.' + booking.status)), ': ', slotLine(booking.slot)));
        const reflectionQueued = queued.some(item => item.kind === 'reflection' && item.body.bookingId === booking.id);
        if (reflectionQueued) {
            card.append(h('p', { class: 'pending', id: 'reflection-waiting-' + booking.id }, t('shadowing.reflectionWaiting')));
        } else if (booking.reflectionId) {
            card.append(notice(t('shadowing.reflected'), 'ok'));
        } else if (booking.canReflect && !booking.reflectionId) {
            card.append(h('p', {}, h('a', { href: '#/reflect/' + booking.id, class: 'button' }, t('shadowing.reflect'))));
        }
        if (booking.canChange) {
            card.append(picker(app, g, booking));
        }
    } else if (g.assigned) {
        card.append(h('p', {}, t('shadowing.noSeat', date(g.dueOn))), picker(app, g, null));
    }
    return card;
}

function slotLine(slot) {
    return `${dateTime(slot.startsAt)} · ${slot.hostName} (${slot.hostRole}) · ${slot.place}`;
}

/** The times that have a seat left; book one, or move my booking to it. */
function picker(app, g, booking) {
    const slots = (g.slots || []).filter(slot => !slot.cancelled && slot.seatsLeft > 0 && (!booking || slot.id !== booking.slot.id));
    const name = 'slot-' + g.code;
    const error = h('p', { class: 'field-error', id: name + '-error', role: 'alert' });
    if (!slots.length) {
        return h('p', { class: 'hint' }, t(booking ? 'shadowing.noTimes' : 'shadowing.noFreeTimes'));
    }
    const fields = h('fieldset', { class: 'question', 'aria-describedby': name + '-error' },
        h('legend', {}, t(booking ? 'shadowing.moveTo' : 'shadowing.chooseTime')),
        slots.map(slot => h('div', { class: 'choice' },
            h('input', { type: 'radio', name, id: name + '-' + slot.id, value: String(slot.id) }),
            h('label', { for: name + '-' + slot.id }, slotLine(slot), ' · ', t('shadowing.seatsLeft', slot.seatsLeft)))));
    const button = h('button', { type: 'button', class: 'button', id: (booking ? 'move-' : 'book-') + g.code, onclick: async () => {
        const picked = fields.querySelector('input:checked');
        error.textContent = '';
        if (!picked) {
            error.textContent = t('shadowing.pickTime');
            return;
        }
        button.disabled = true;
        const response = await whenOnline(async () => {
            if (!booking) {
                return client.write('POST', 'shadowing/bookings', { guide: g.code, slotId: Number(picked.value) });
            }
            const current = await client.get('shadowing/bookings/' + booking.id);
            return current.ok
                ? client.write('PUT', 'shadowing/bookings/' + booking.id, { slotId: Number(picked.value) }, { 'If-Match': current.etag })
                : current;
        }).finally(() => { button.disabled = false; });
        if (!response) {
            error.textContent = t('shadowing.needsConnection');
        } else if (!response.ok) {
            error.textContent = refusal(response.problem);
        } else {
            await app.refresh();
            say(t(booking ? 'shadowing.moved' : 'shadowing.booked', dateTime(response.body.slot.startsAt)));
            app.go('#/shadowing');
        }
    } }, t(booking ? 'shadowing.move' : 'shadowing.book'));
    return h('div', { class: 'picker' }, fields, error, button);
}

/**
 * My booking with this id and its guide: the guide as the server has it now when it can be reached, else as kept when
 * the shadowing page was last shown (a booking made since the last sync is only in the guide).
 */
async function bookingAndGuide(id) {
    const synced = ((await kv.get('part:bookings')) || []).find(b => b.id === id);
    const codes = synced ? [synced.guideCode]
        : (await kv.keys()).filter(key => String(key).startsWith('guide:')).map(key => key.slice('guide:'.length));
    for (const code of codes) {
        const g = await guide(code);
        const booking = g && [g.booking, ...(g.history || [])].find(b => b && b.id === id);
        if (booking || (g && synced)) {
            return { g, booking: booking || synced };
        }
    }
    return {};
}

export async function reflect(app, bookingId) {
    const id = Number(bookingId);
    const { g, booking } = await bookingAndGuide(id);
    if (!booking || !g) {
        return h('section', {}, heading(t('shadowing.reflectTitle')), notice(t('common.notLoaded'), 'warn'));
    }
    if (booking.reflectionId) {
        return h('section', {}, heading(t('shadowing.reflectTitle')), notice(t('shadowing.reflected'), 'ok'));
    }
    const draftKey = 'draft:reflection:' + id;
    const draft = (await kv.get(draftKey)) || { answers: [], takeaway: '', frictions: [] };
    const form = h('form', { class: 'card form', novalidate: true });
    const area = (fieldId, label, value) => h('div', { class: 'field' },
        h('label', { for: fieldId }, label),
        h('textarea', { id: fieldId, rows: '4', maxlength: '4000', 'aria-describedby': fieldId + '-error' }, value || ''),
        h('p', { class: 'field-error', id: fieldId + '-error' }));
    g.questions.forEach((question, i) => form.append(area('answer-' + i, question, draft.answers[i])));
    form.append(area('takeaway', g.reflectionPrompt, draft.takeaway));
    form.append(h('fieldset', { class: 'question' }, h('legend', {}, t('shadowing.friction')),
        h('p', { class: 'hint' }, t('shadowing.frictionHint')),
        FRICTIONS.map(code => h('div', { class: 'choice' },
            h('input', { type: 'checkbox', id: 'friction-' + code, value: code, checked: draft.frictions.includes(code) }),
            h('label', { for: 'friction-' + code }, t('friction.' + code))))));
    const read = () => ({
        answers: g.questions.map((_, i) => form.querySelector('#answer-' + i).value.trim()),
        takeaway: form.querySelector('#takeaway').value.trim(),
        frictions: [...form.querySelectorAll('input[type=checkbox]:checked')].map(input => input.value),
    });
    form.addEventListener('input', event => {
        const error = form.querySelector('#' + event.target.id + '-error');
        if (error && event.target.value.trim()) {
            error.textContent = '';
        }
        kv.set(draftKey, read());
    });
    form.append(h('p', { class: 'hint' }, t('shadowing.reflectOffline')), h('button', { type: 'submit', class: 'button', id: 'send-reflection' }, t('shadowing.send')));
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const value = read();
        form.querySelectorAll('.field-error').forEach(p => { p.textContent = ''; });
        const missing = [...value.answers.map((answer, i) => answer ? null : 'answer-' + i), value.takeaway ? null : 'takeaway'].filter(Boolean);
        if (missing.length) {
            missing.forEach(fieldId => { form.querySelector('#' + fieldId + '-error').textContent = t('shadowing.answerMissing'); });
            form.querySelector('#' + missing[0]).focus();
            return;
        }
        await kv.set(draftKey, value);
        await outbox.add({
            kind: 'reflection', label: t('shadowing.reflectionLabel', g.title), method: 'POST', path: 'shadowing/reflections',
            body: { bookingId: id, answers: value.answers, takeaway: value.takeaway, frictions: value.frictions, ideas: [] },
        });
        app.go('#/shadowing');
        await app.queued(navigator.onLine ? t('shadowing.reflectionSending') : t('shadowing.reflectionQueued'));
    });
    return h('section', {}, heading(t('shadowing.reflectTitle')), h('p', {}, g.title, ' · ', slotLine(booking.slot)), form);
}
