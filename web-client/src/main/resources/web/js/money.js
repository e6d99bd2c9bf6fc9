// Money in the page, the client's and the admin console's, is a BigInt of cents. Text becomes cents and cents become
// text by string operations only: no amount ever passes through a floating-point number, so nothing is rounded on the
// way to or from the server.

/** The server's largest amount, 999,999,999,999,999.99 (Money.MAX), in cents. */
export const MAX_CENTS = 99999999999999999n;
const MAX_TEXT_LENGTH = 40;
const PLAIN = /^([0-9]*)(?:\.([0-9]*))?$/;

/**
 * Reads an amount a person typed: "12", "12.5", "12.50", ".50". Returns {cents} or {error} saying why it is refused.
 * A fraction finer than a cent is refused, never rounded; so are signs, exponents, separators and anything else.
 */
export function readAmount(text) {
  const trimmed = String(text ?? '').trim();
  if (trimmed === '') {
    return { error: 'enter an amount' };
  }
  const match = trimmed.length <= MAX_TEXT_LENGTH ? PLAIN.exec(trimmed) : null;
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) {
    return { error: `"${abbreviate(trimmed)}" is not an amount (write it like 12.50)` };
  }
  const whole = match[1];
  const fraction = match[2] ?? '';
  if (fraction.length > 2) {
    return { error: `${trimmed} has more than two decimals: amounts are exact to the cent` };
  }
  const cents = BigInt(whole === '' ? '0' : whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (cents > MAX_CENTS) {
    return { error: `${abbreviate(trimmed)} is too large` };
  }
  return { cents };
}

/** Cents from an amount as the server writes it ("12.50"); throws on anything else, since the server never sends it. */
export function fromWire(text) {
  if (typeof text !== 'string') {
    throw new TypeError(`money on the wire is a string, not ${typeof text}`);
  }
  const read = readAmount(text);
  if (read.error) {
    throw new RangeError(read.error);
  }
  return read.cents;
}

/** Like fromWire, but null and undefined stay null (optional fields such as a call amount). */
export function fromWireOrNull(text) {
  return text === null || text === undefined ? null : fromWire(text);
}

/** The wire form of cents: "12.50", always two decimals, no grouping. */
export function toWire(cents) {
  const value = BigInt(cents);
  const sign = value < 0n ? '-' : '';
  const digits = (value < 0n ? -value : value).toString().padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** The display form: "1,234.50". */
export function format(cents) {
  const wire = toWire(cents);
  const negative = wire.startsWith('-');
  const [whole, fraction] = (negative ? wire.slice(1) : wire).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${fraction}`;
}

/** Whole tournament chips, as a sit-and-go's table shows them: "1,500" (a chip is one cent on the wire: "15.00"). */
export function formatChips(cents) {
  const value = BigInt(cents);
  const grouped = (value < 0n ? -value : value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0n ? '-' : ''}${grouped}`;
}

/**
 * Reads whole tournament chips a person typed ("1500"): {cents} (a chip being one cent) or {error}. A fraction of a
 * chip is refused, never rounded, as are signs, separators and anything else.
 */
export function readChips(text) {
  const trimmed = String(text ?? '').trim();
  if (trimmed === '') {
    return { error: 'enter a number of chips' };
  }
  if (trimmed.length > MAX_TEXT_LENGTH || !/^[0-9]+$/.test(trimmed)) {
    return { error: `"${abbreviate(trimmed)}" is not a number of chips (whole chips, like 1500)` };
  }
  const cents = BigInt(trimmed);
  return cents > MAX_CENTS ? { error: `${abbreviate(trimmed)} is too large` } : { cents };
}

/** Money: shown "1,234.50", typed "1234.50", an input filled with "1234.50". */
export const MONEY = Object.freeze({ format, read: readAmount, text: toWire });
/** Tournament chips: shown "1,500", typed "1500", an input filled with "1500". */
export const CHIPS = Object.freeze({ format: formatChips, read: readChips, text: cents => BigInt(cents).toString() });

/** How a table's amounts are shown and read: whole chips at a sit-and-go's table, money anywhere else. */
export function amountsOf(config) {
  return config?.tournamentChips ? CHIPS : MONEY;
}

export function min(a, b) {
  return a < b ? a : b;
}

export function max(a, b) {
  return a > b ? a : b;
}

export function clamp(value, low, high) {
  return max(low, min(high, value));
}

export function sum(values) {
  return values.reduce((total, v) => total + v, 0n);
}

function abbreviate(text) {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}
