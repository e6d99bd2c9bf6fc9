// Bet sizing: the preset amounts offered for each street and the steps of the +/- buttons, all raise-to totals in
// cents within the legal range. Preflop the presets are multiples of the big blind (or of the bet to beat once someone
// has raised); after the flop they are fractions of the pot. A player may keep their own presets per street in
// localStorage under 'chipledger.sizing' (e.g. {"preflop":[2,3],"postflop":[0.5,1]}); the page falls back to these.
import { clamp } from '../money.js';

export const DEFAULT_SIZING = Object.freeze({
  /** Raise-to as a multiple of the big blind, unopened pot; of the bet to beat, once raised. */
  preflop: [2.5, 3, 4],
  /** Bet (or raise over the call) as a fraction of the pot. */
  postflop: [1 / 3, 1 / 2, 2 / 3, 3 / 4, 1],
});

const FRACTIONS = new Map([[1 / 3, '⅓'], [1 / 2, '½'], [2 / 3, '⅔'], [3 / 4, '¾'], [1, 'Pot']]);

/** The player's own presets if they stored valid ones, else the defaults. */
export function sizingSettings(storage = globalThis.localStorage) {
  try {
    const stored = JSON.parse(storage?.getItem('chipledger.sizing') ?? 'null');
    const valid = list => Array.isArray(list) && list.length > 0 && list.length <= 6
        && list.every(x => typeof x === 'number' && x > 0 && x <= 100);
    if (stored && valid(stored.preflop) && valid(stored.postflop)) {
      return { preflop: stored.preflop, postflop: stored.postflop };
    }
  } catch (unreadable) {
    // a hand-edited value that is not JSON: the defaults
  }
  return DEFAULT_SIZING;
}

/**
 * Cents times a factor (2.5, 1/3): as the fraction it is when its denominator is small, so a third of 6.00 is 2.00,
 * not 1.99; rounded down to the cent otherwise (a preset, not money moved).
 */
function times(cents, factor) {
  for (let denominator = 1; denominator <= 12; denominator++) {
    const numerator = factor * denominator;
    if (Math.abs(numerator - Math.round(numerator)) < 1e-9) {
      return (cents * BigInt(Math.round(numerator))) / BigInt(denominator);
    }
  }
  return (cents * BigInt(Math.round(factor * 1000))) / 1000n;
}

/**
 * The presets for this turn: [{id, label, cents}] ending with all-in; duplicates (two presets clamped to the same
 * amount) are dropped.
 */
export function sizingPresets(model, legal, settings = DEFAULT_SIZING) {
  const big = model.config.bigBlind;
  const highest = model.highestBet;
  const mine = model.seat(model.mySeat)?.bet ?? 0n;
  const toCall = highest - mine;
  const pot = model.potTotal;
  const low = legal.minRaiseTo;
  const high = legal.maxRaiseTo;
  const out = [];
  if (model.board.length === 0) {
    const opened = highest > big;
    for (const factor of settings.preflop) {
      const cents = opened ? times(highest, factor) : times(big, factor);
      out.push({ id: `x${String(factor).replace('.', '_')}`, label: `${factor}x`, cents: clamp(cents, low, high) });
    }
    out.push({ id: 'pot', label: 'Pot', cents: clamp(highest + pot + toCall, low, high) });
  } else {
    for (const fraction of settings.postflop) {
      const named = [...FRACTIONS.entries()].find(([f]) => Math.abs(f - fraction) < 1e-9);
      const id = fraction === 1 ? 'pot' : fraction === 0.5 ? 'half' : `f${Math.round(fraction * 100)}`;
      const label = named ? named[1] : `${Math.round(fraction * 100)}%`;
      out.push({ id, label, cents: clamp(highest + times(pot + toCall, fraction), low, high) });
    }
  }
  out.push({ id: 'allin', label: 'All-in', cents: high });
  // A preset that comes to all-in, or to the same amount as an earlier one, is not worth a button of its own.
  const seen = new Set();
  return out.filter(p => p.id === 'allin' || (p.cents < high && !seen.has(p.cents) && seen.add(p.cents)));
}

/** One step of the +/- buttons from {@code cents}: a big blind up or down, kept within the legal range. */
export function step(cents, direction, legal, bigBlind) {
  return clamp(cents + (direction > 0 ? bigBlind : -bigBlind), legal.minRaiseTo, legal.maxRaiseTo);
}

/** An amount in big blinds for people: "3 BB", "2.5 BB", "0.75 BB". */
export function inBigBlinds(cents, bigBlind) {
  const hundredths = (cents * 100n) / bigBlind;
  const whole = hundredths / 100n;
  const part = hundredths % 100n;
  const text = part === 0n ? `${whole}` : `${whole}.${part.toString().padStart(2, '0').replace(/0$/, '')}`;
  return `${text} BB`;
}
