// DOM helpers: elements built with properties, never HTML strings (the module text is the one sanitised exception),
// and the two live regions: polite status and assertive alerts.
import { t, known, language } from './i18n.js';

export function h(tag, props = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(props || {})) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (name.startsWith('on')) {
            element.addEventListener(name.slice(2), value);
        } else if (name === 'class') {
            element.className = value;
        } else if (name === 'text') {
            element.textContent = value;
        } else {
            element.setAttribute(name, value === true ? '' : value);
        }
    }
    for (const child of children.flat(Infinity)) {
        if (child !== null && child !== undefined && child !== false) {
            element.append(child instanceof Node ? child : String(child));
        }
    }
    return element;
}

/** A polite message in the status region (read out by screen readers without moving focus). */
export function say(message) {
    const status = document.getElementById('status');
    status.textContent = '';
    setTimeout(() => { status.textContent = message; }, 50);
}

export function date(iso) {
    return iso ? new Intl.DateTimeFormat(language(), { dateStyle: 'medium' }).format(new Date(iso.length === 10 ? iso + 'T12:00:00' : iso)) : '';
}

export function dateTime(iso) {
    return iso ? new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '';
}

export function heading(text) {
    return h('h1', { id: 'page-title', tabindex: '-1' }, text);
}

export function notice(text, kind = 'info') {
    return h('p', { class: 'notice notice--' + kind }, text);
}

/**
 * A refusal by the server, in words: the app's own for the refusals it expects; otherwise the server's, which it
 * writes in English only, so another language gets the app's general words.
 */
export function refusal(problem) {
    if (problem && problem.code && known('problem.' + problem.code)) {
        return t('problem.' + problem.code);
    }
    if (problem && problem.status === 412) {
        return t('problem.error.preconditionFailed');
    }
    return (language() === 'en' && problem && problem.detail) || t('problem.unknown');
}
