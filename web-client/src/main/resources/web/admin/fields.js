// What an operator types into the console's forms, read strictly before it is sent: amounts through the client's
// money reader (../js/money.js: exact cents, never a float, never rounded) and sent in their wire form ("12.50").

import { readAmount, toWire } from '../js/money.js';

const PERCENT = /^(0|[1-9][0-9]{0,2})(\.[0-9]{1,2})?$/;

/** The amount's wire form if the text is one; throws with a message an operator can act on otherwise. */
export function amount(text, field = 'amount') {
  const read = readAmount(text);
  if (read.error) {
    throw new Error(`${field}: ${read.error}`);
  }
  return toWire(read.cents);
}

export function optionalAmount(text, field) {
  return String(text ?? '').trim() === '' ? undefined : amount(text, field);
}

export function percent(text, field = 'rake percentage') {
  const trimmed = String(text ?? '').trim();
  if (trimmed === '') return undefined;
  if (!PERCENT.test(trimmed)) throw new Error(`${field}: 0 to 100, at most two decimals, such as 4.75`);
  return trimmed;
}
