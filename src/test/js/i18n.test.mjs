import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { load } from './app.mjs';

const { pickLanguage, setLanguage, t } = await load('i18n.js');

test('the language follows the browser unless the person picked one', () => {
    assert.equal(pickLanguage(undefined, ['de-CH', 'en']), 'de');
    assert.equal(pickLanguage(undefined, ['fr-FR', 'en-GB']), 'en');
    assert.equal(pickLanguage(undefined, ['fr-FR']), 'en');
    assert.equal(pickLanguage('en', ['de-DE']), 'en');
});

test('English and German have the same keys, and every key the app uses exists', () => {
    const source = readFileSync(new URL('../../main/webapp/app/js/i18n.js', import.meta.url), 'utf8');
    const [en, de] = source.split('const de = {');
    const keys = text => [...text.matchAll(/^ {4}'([\w.]+)':/gm)].map(m => m[1]).sort();
    assert.deepEqual(keys(de), keys(en));
    const folder = new URL('../../main/webapp/app/js/', import.meta.url);
    const used = readdirSync(folder).flatMap(file => [...readFileSync(new URL(file, folder), 'utf8').matchAll(/\bt\('([\w.]+)'/g)].map(m => m[1]));
    const missing = used.filter(key => !key.endsWith('.') && !keys(en).includes(key));
    assert.deepEqual(missing, []);
    setLanguage('de');
    assert.equal(t('today.item', 2, 5), 'Frage 2 von 5');
    setLanguage('en');
    assert.equal(t('quiz.unanswered', 1), '1 question has no answer. Submit again to send as it is.');
});

test('every value the server sends where the app names it in words has words in both languages', () => {
    const java = file => readFileSync(new URL('../../main/java/org/everyoneserves/' + file, import.meta.url), 'utf8');
    const constants = (file, type) => java(file).match(new RegExp(`enum ${type} \\{([^;}]*)`))[1].split(',').map(value => value.trim()).filter(Boolean);
    const families = {
        'plan.status.': constants('assignments/PlanItem.java', 'State').filter(state => state !== 'DONE'),
        'kind.': constants('assignments/Assignment.java', 'Kind'),
        'shadowing.status.': constants('shadowing/Booking.java', 'Status'),
        'friction.': constants('shadowing/Friction.java', 'Friction'),
    };
    for (const code of ['en', 'de']) {
        setLanguage(code);
        for (const [family, values] of Object.entries(families)) {
            assert.ok(values.length > 1, family);
            for (const value of values) {
                assert.notEqual(t(family + value, '2026-12-01'), family + value, `${code}: ${family}${value}`);
            }
        }
    }
    setLanguage('en');
});

test('the refusals the app words itself are codes the server sends, and other languages never show its English', async () => {
    const source = readFileSync(new URL('../../main/webapp/app/js/i18n.js', import.meta.url), 'utf8');
    const bundle = readFileSync(new URL('../../main/resources/org/everyoneserves/messages.properties', import.meta.url), 'utf8');
    const codes = [...source.split('const de = {')[0].matchAll(/^ {4}'problem\.([\w.]+)':/gm)].map(m => m[1]).filter(code => code !== 'unknown');
    assert.ok(codes.length > 10);
    assert.deepEqual(codes.filter(code => !new RegExp('^' + code.replaceAll('.', '\\.') + '=', 'm').test(bundle)), []);
    const { refusal } = await load('ui.js');
    const problem = { status: 409, code: 'quizzes.error.somethingNew', detail: 'Something new in English.' };
    setLanguage('de');
    assert.equal(refusal({ status: 409, code: 'quizzes.error.alreadySubmitted' }),
        'Dieser Versuch wurde schon abgegeben (auf einem anderen Gerät?). Es wurde nichts geändert.');
    assert.equal(refusal(problem), 'Der Server hat diese Änderung abgelehnt.');
    setLanguage('en');
    assert.equal(refusal(problem), 'Something new in English.');
});
