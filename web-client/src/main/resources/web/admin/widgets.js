// The console's widgets: tables, cards, dates, toasts, the reason dialog and busy buttons. Elements are built with the
// client's h() (../js/dom.js), which puts text in as text, never as HTML.

import { h } from '../js/dom.js';

/** A table: columns are {title, cell(row) -> node or text, money: right-aligned}. */
export function table(columns, rows, empty = 'nothing to show') {
  if (rows.length === 0) return h('p', { class: 'muted' }, empty);
  return h('table', {},
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { class: c.money ? 'money' : undefined }, c.title)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((c) => h('td', { class: c.money ? 'money' : undefined }, c.cell(row)))))));
}

export function card(label, value, id) {
  return h('div', { class: 'card', 'data-card': id }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value));
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

let toastTimer;
export function toast(message, error = false) {
  const element = document.getElementById('toast');
  element.textContent = message;
  element.className = error ? 'error' : '';
  element.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { element.hidden = true; }, 6000);
}

/**
 * Asks why, in a dialog: resolves to the reason typed, or null when cancelled. Every change an operator makes is
 * logged with its reason.
 */
export function askReason(title, confirmLabel, danger = false) {
  return new Promise((resolve) => {
    const reason = h('textarea', { name: 'reason', rows: 3, required: true, maxlength: 500 });
    const dialog = h('dialog', {},
      h('form', { method: 'dialog' },
        h('strong', {}, title),
        h('label', {}, 'Reason (kept in the admin log)', reason),
        h('menu', {},
          h('button', { type: 'button', class: 'quiet', value: 'cancel', onclick: () => dialog.close('cancel') }, 'Cancel'),
          h('button', { type: 'submit', value: 'ok', class: danger ? 'danger' : undefined }, confirmLabel))));
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'ok' && reason.value.trim() ? reason.value.trim() : null);
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
    reason.focus();
  });
}

/** Runs a button's async work with the button disabled, showing the outcome as a toast. */
export async function busy(button, work, done) {
  button.disabled = true;
  try {
    const result = await work();
    if (done) toast(done(result));
    return result;
  } catch (error) {
    toast(`${error.code ? error.code + ': ' : ''}${error.message}`, true);
    return undefined;
  } finally {
    button.disabled = false;
  }
}
