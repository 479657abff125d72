// Quizzes: started online (the server draws the questions), answered offline (each change saved through the outbox
// with the attempt's ETag in If-Match), submitted later exactly once (one Idempotency-Key, kept until answered).
import { h, say, date, heading, notice, refusal } from './ui.js';
import { t } from './i18n.js';
import { kv } from './db.js';
import { client, outbox, fresh, whenOnline } from './sync.js';
import { answerFields, readAnswer } from './answers.js';

async function keepAttempt(response) {
    await kv.set('attempt:' + response.body.id, response.body);
    await kv.set('etag:attempt:' + response.body.id, response.etag);
}

export async function intro(app, code) {
    const { value: quiz, response } = await fresh('quizzes/' + code, 'quiz:' + code);
    if (response && !response.ok) {
        return h('section', {}, heading(t('quiz.title')), notice(refusal(response.problem), 'error'));
    }
    const offline = !response;
    if (!quiz) {
        return h('section', {}, heading(t('quiz.title')), notice(t('quiz.offlineFirst'), 'warn'));
    }
    const error = h('p', { class: 'field-error', id: 'start-error', role: 'alert' });
    const open = quiz.open && await kv.get('attempt:' + quiz.open.id);
    const left = quiz.attempts.allowed - quiz.attempts.used;
    const page = h('section', {}, heading(quiz.title),
        h('ul', { class: 'facts' },
            h('li', {}, t('quiz.questions', quiz.questions)),
            h('li', {}, t('quiz.passMark', quiz.passMark)),
            h('li', { id: 'attempts-left' }, t('quiz.attempts', quiz.attempts.used, quiz.attempts.allowed))),
        quiz.passed ? notice(t('quiz.passed'), 'ok') : null,
        quiz.moduleCode ? h('p', {}, h('a', { href: '#/module/' + quiz.moduleCode }, t('quiz.readModule', quiz.moduleTitle))) : null);
    if (quiz.open || left > 0) {
        page.append(error, h('button', { type: 'button', class: 'button', id: 'start', onclick: async () => {
            error.textContent = '';
            if (quiz.open && open) {
                app.go('#/attempt/' + quiz.open.id);
                return;
            }
            const started = await whenOnline(() => (quiz.open
                ? client.get('attempts/' + quiz.open.id) : client.write('POST', 'attempts', { quizCode: code })));
            if (!started) {
                error.textContent = t('quiz.startOffline');
            } else if (!started.ok) {
                error.textContent = refusal(started.problem);
            } else {
                await keepAttempt(started);
                app.go('#/attempt/' + started.body.id);
            }
        } }, t(quiz.open ? 'quiz.continue' : 'quiz.start')));
        if (offline && !open) {
            page.append(h('p', { class: 'hint' }, t('quiz.startOffline')));
        }
    } else {
        page.append(notice(t('quiz.noneLeft'), 'warn'));
    }
    if (quiz.past && quiz.past.length) {
        page.append(h('h2', {}, t('quiz.past')), h('ul', { class: 'list' }, quiz.past.map(past => h('li', { class: 'list__item' },
            h('a', { href: '#/result/' + past.id }, t('quiz.pastLine', past.number, past.percent, date(past.submittedAt)))))));
    }
    return page;
}

function currentAnswers(attempt, local) {
    return attempt.questions.map(question => {
        const answer = local ? local[question.id] : question.saved;
        return { questionId: question.id, choices: (answer && answer.choices) || [], value: answer ? answer.value ?? null : null };
    });
}

export async function attempt(app, id) {
    const attempt = await kv.get('attempt:' + id);
    if (!attempt) {
        return h('section', {}, heading(t('quiz.title')), notice(t('quiz.attemptMissing'), 'warn'));
    }
    const queued = await outbox.items();
    if (attempt.submitted || queued.some(item => item.kind === 'attemptSubmit' && item.attemptId === attempt.id)) {
        location.replace('#/result/' + id);
        return h('section', {}, heading(attempt.title));
    }
    const local = (await kv.get('answers:' + id)) || null;
    const notices = ((await kv.get('notices')) || []).filter(n => n.attemptId === attempt.id && !n.follower);
    const page = h('section', {}, heading(attempt.title),
        notices.length ? notice(refusal(notices[0]) + ' ' + t('quiz.serverCopy'), 'error') : null,
        h('p', { class: 'hint' }, t('quiz.offlineNote')));
    const form = h('form', { class: 'attempt', novalidate: true });
    const status = h('p', { class: 'hint', id: 'save-state' });
    const read = () => {
        const answers = {};
        for (const question of attempt.questions) {
            const picked = readAnswer(form.querySelector(`[data-question="${question.id}"]`), question);
            answers[question.id] = picked && !picked.incomplete ? picked : null;
        }
        return answers;
    };
    const save = async () => {
        const answers = read();
        await kv.set('answers:' + id, answers);
        await outbox.add({
            kind: 'attemptSave', attemptId: attempt.id, label: t('quiz.saveLabel', attempt.title), method: 'PUT', path: 'attempts/' + id,
            body: { answers: currentAnswers(attempt, answers) }, ifMatchOf: 'attempt:' + id, replaces: 'save:attempt:' + id, group: 'attempt:' + id,
        });
        status.textContent = navigator.onLine ? t('quiz.saved') : t('quiz.savedHere');
        await app.queued('');
    };
    attempt.questions.forEach((question, i) => {
        const fields = answerFields(question, 'q-' + question.id, local ? local[question.id] : question.saved, save);
        fields.dataset.question = question.id;
        fields.querySelector('legend').prepend(h('span', { class: 'question__number' }, t('quiz.questionOf', i + 1, attempt.questions.length)), ' ');
        form.append(h('div', { class: 'card' }, fields));
    });
    const error = h('p', { class: 'field-error', id: 'submit-error', role: 'alert' });
    form.append(status, error, h('button', { type: 'submit', class: 'button', id: 'submit' }, t('quiz.submit')));
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const answers = read();
        const open = attempt.questions.filter(q => !answers[q.id]).length;
        if (open && !form.dataset.confirmed) {
            error.textContent = t('quiz.unanswered', open);
            form.dataset.confirmed = 'yes';
            return;
        }
        await kv.set('answers:' + id, answers);
        await outbox.add({
            kind: 'attemptSubmit', attemptId: attempt.id, label: t('quiz.submitLabel', attempt.title), method: 'POST', path: `attempts/${id}/submit`,
            body: { answers: currentAnswers(attempt, answers) }, group: 'attempt:' + id,
        });
        app.go('#/result/' + id);
        await app.queued(navigator.onLine ? t('quiz.submitting') : t('quiz.submitQueued'));
    });
    page.append(form);
    return page;
}

export async function result(app, id) {
    app.live = true;
    let result = await kv.get('result:' + id);
    const waiting = (await outbox.items()).some(item => item.kind === 'attemptSubmit' && item.attemptId === Number(id));
    if (!result && !waiting) {
        result = (await fresh(`attempts/${id}/result`, 'result:' + id)).value;
    }
    const attempt = await kv.get('attempt:' + id);
    const notices = ((await kv.get('notices')) || []).filter(n => n.attemptId === Number(id) && !n.follower);
    const page = h('section', {}, heading(result ? result.title : attempt ? attempt.title : t('quiz.title')));
    if (notices.length) {
        page.append(notice(refusal(notices[0]), 'error'));
        if (!result) {
            page.append(h('p', {}, h('a', { href: '#/attempt/' + id }, t('quiz.backToAnswers'))));
            return page;
        }
    }
    if (!result) {
        page.append(notice(waiting ? t('quiz.waitingResult') : t('common.notLoaded'), waiting ? 'info' : 'warn'));
        return page;
    }
    page.append(h('p', { class: 'score score--' + (result.passed ? 'passed' : 'failed'), id: 'score' },
        t(result.passed ? 'quiz.resultPassed' : 'quiz.resultFailed', result.correct, result.total, result.percent, result.passMark)));
    page.append(h('ol', { class: 'list' }, result.questions.map(question => h('li', { class: 'list__item' },
        h('p', {}, question.prompt),
        h('p', { class: question.correct ? 'verdict verdict--right' : 'verdict verdict--wrong' },
            t(question.correct ? 'today.right' : question.answered ? 'today.wrong' : 'quiz.skipped')),
        question.explanation ? h('p', { class: 'hint' }, question.explanation) : null))));
    if (result.canRetry) {
        page.append(h('p', {}, h('a', { href: '#/quiz/' + result.quizCode, class: 'button button--secondary' }, t('quiz.again'))));
    }
    if (result.passed) {
        say(t('quiz.resultPassed', result.correct, result.total, result.percent, result.passMark));
    }
    return page;
}
