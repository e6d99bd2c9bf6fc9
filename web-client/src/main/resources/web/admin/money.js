// Money in the console is text, exactly as the server writes it ("12.50"). Amounts typed by an operator are checked
// to be plain decimals with at most two decimals and sent as strings; nothing is ever converted to a float.

const AMOUNT = /^(0|[1-9][0-9]{0,14})(\.[0-9]{1,2})?$/;
const PERCENT = /^(0|[1-9][0-9]{0,2})(\.[0-9]{1,2})?$/;

/** The amount as typed (trimmed) if it is one; throws with a message an operator can act on otherwise. */
export function amount(text, field = 'amount') {
  const trimmed = String(text ?? '').trim();
  if (!AMOUNT.test(trimmed)) {
    throw new Error(`${field}: a plain amount with at most two decimals, such as 12.50 (never finer than a cent)`);
  }
  return trimmed;
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

/** Is this money string below zero? (Decided on the text: no arithmetic on money in the browser.) */
export function negative(text) {
  return typeof text === 'string' && text.startsWith('-');
}
