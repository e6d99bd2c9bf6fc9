// The buy-in and top-up dialog: the table's minimum and maximum, the wallet, an amount checked in the page (at most
// two decimals, within the limits, not more than the wallet) and the server's answer if it refuses.
import { h } from '../dom.js';
import { format, min, readAmount, toWire } from '../money.js';

/**
 * Opens a modal dialog. {@code low}/{@code high} bound the amount (cents), {@code wallet} is the balance,
 * {@code submit(cents, choice)} returns a promise of the server's answer (done or error). {@code choices}, if any, are
 * radio buttons ({@code value}, {@code label}, the first one chosen) whose chosen value is passed as {@code choice}.
 */
export function openChipsDialog({ title, detail, low, high, wallet, confirm, submit, choices = [] }) {
  const limit = min(high, wallet);
  const amount = h('input', {
    id: 'chips-amount', type: 'text', inputmode: 'decimal', autocomplete: 'off', 'aria-label': 'amount',
    value: limit >= low ? toWire(limit) : '',
  });
  const error = h('div', { class: 'amount-error', id: 'chips-error', role: 'alert' });
  const ok = h('button', { id: 'chips-confirm', type: 'submit', class: 'primary' }, confirm);
  const cancel = h('button', { id: 'chips-cancel', type: 'button', onclick: () => close() }, 'Cancel');
  const check = () => {
    const read = readAmount(amount.value);
    let problem = read.error;
    if (!problem && read.cents < low) problem = `the minimum is ${format(low)}`;
    if (!problem && read.cents > high) problem = `the maximum is ${format(high)}`;
    if (!problem && read.cents > wallet) problem = `your wallet holds ${format(wallet)}`;
    error.textContent = problem ?? '';
    ok.disabled = Boolean(problem);
    return problem ? null : read.cents;
  };
  amount.addEventListener('input', check);
  const form = h('form', { method: 'dialog', class: 'chips-form' },
      h('h2', {}, title),
      detail ? h('p', { class: 'detail' }, detail) : null,
      h('dl', { class: 'limits' },
          h('dt', {}, 'Minimum'), h('dd', { id: 'chips-min' }, format(low)),
          h('dt', {}, 'Maximum'), h('dd', { id: 'chips-max' }, format(high)),
          h('dt', {}, 'Wallet'), h('dd', { id: 'chips-wallet' }, format(wallet))),
      h('label', {}, 'Amount ', amount),
      choices.length ? h('fieldset', { class: 'chips-choices', id: 'chips-choices' }, choices.map((c, i) =>
        h('label', { class: 'chips-choice' },
          h('input', { type: 'radio', name: 'chips-choice', id: `chips-choice-${c.value}`, value: c.value, checked: i === 0 }),
          ` ${c.label}`))) : null,
      error,
      h('div', { class: 'dialog-buttons' }, cancel, ok));
  const dialog = h('dialog', { class: 'chips-dialog', id: 'chips-dialog' }, form);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const cents = check();
    if (cents === null) {
      return;
    }
    ok.disabled = true;
    const answer = await submit(cents, form.querySelector('input[name="chips-choice"]:checked')?.value ?? null);
    if (answer.type === 'done') {
      close();
    } else {
      error.textContent = answer.message ?? answer.code;
      ok.disabled = false;
    }
  });
  function close() {
    if (dialog.open) {
      dialog.close();
    }
  }
  dialog.addEventListener('close', () => dialog.remove()); // also when closed with Escape
  document.body.append(dialog);
  dialog.showModal();
  check();
  amount.focus();
  amount.select();
  return { close };
}
