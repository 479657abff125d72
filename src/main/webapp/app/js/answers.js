// One question's answer fields, for refreshers and quizzes alike: radios (single, scenario, true/false),
// checkboxes (multiple), or a place per item (ordering). The wire form: choices = option indexes picked, or the
// option indexes in the order given; value = true/false.
import { h } from './ui.js';
import { t } from './i18n.js';

/** The situation (scenarios), then the question as a fieldset: `.fieldset` of the element returned. */
export function answerFields(question, name, saved, onChange) {
    const legend = h('legend', { class: 'question__prompt' }, question.prompt);
    const fields = h('fieldset', { class: 'question', 'data-kind': question.kind }, legend);
    const block = h('div', { class: 'question-block' },
        question.situation ? h('p', { class: 'question__situation', id: name + '-situation' }, question.situation) : null, fields);
    block.fieldset = fields;
    if (question.situation) {
        fields.setAttribute('aria-describedby', name + '-situation');
    }
    const choices = (saved && saved.choices) || [];
    if (question.kind === 'TRUE_FALSE') {
        for (const [value, label] of [[true, t('answer.true')], [false, t('answer.false')]]) {
            const id = `${name}-${value}`;
            fields.append(h('div', { class: 'choice' },
                h('input', { type: 'radio', id, name, value: String(value), checked: saved && saved.value === value, onchange: onChange }),
                h('label', { for: id }, label)));
        }
    } else if (question.kind === 'ORDERING') {
        fields.append(h('p', { class: 'hint' }, t('answer.orderingHint')));
        question.options.forEach((option, i) => {
            const id = `${name}-${option.index}`;
            const place = choices.indexOf(option.index);
            const select = h('select', { id, 'data-index': option.index, onchange: onChange },
                h('option', { value: '' }, '–'),
                question.options.map((_, p) => h('option', { value: String(p + 1), selected: place === p }, String(p + 1))));
            fields.append(h('div', { class: 'choice choice--order' }, select, h('label', { for: id }, option.text)));
        });
    } else {
        const type = question.kind === 'MULTIPLE' ? 'checkbox' : 'radio';
        if (type === 'checkbox') {
            fields.append(h('p', { class: 'hint' }, t('answer.multipleHint')));
        }
        for (const option of question.options) {
            const id = `${name}-${option.index}`;
            fields.append(h('div', { class: 'choice' },
                h('input', { type, id, name, value: String(option.index), checked: choices.includes(option.index), onchange: onChange }),
                h('label', { for: id }, option.text)));
        }
    }
    return block;
}

/** The answer the fields hold: {choices, value}, {incomplete: true} for a half-made ordering, or null when empty. */
export function readAnswer(fields, question) {
    if (question.kind === 'TRUE_FALSE') {
        const picked = fields.querySelector('input:checked');
        return picked ? { choices: [], value: picked.value === 'true' } : null;
    }
    if (question.kind === 'ORDERING') {
        const places = [...fields.querySelectorAll('select')].map(select => ({ index: Number(select.dataset.index), place: select.value }));
        if (places.every(p => !p.place)) {
            return null;
        }
        const distinct = new Set(places.map(p => p.place));
        if (places.some(p => !p.place) || distinct.size !== places.length) {
            return { incomplete: true };
        }
        return { choices: places.sort((a, b) => Number(a.place) - Number(b.place)).map(p => p.index) };
    }
    const picked = [...fields.querySelectorAll('input:checked')].map(input => Number(input.value));
    return picked.length ? { choices: picked } : null;
}
