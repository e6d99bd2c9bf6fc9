// The table itself: seats around an oval (the viewer's own seat at the bottom), each with name, stack, cards, bet and
// last action; the dealer button; the board, the pot and side pots in the middle; and the last hand's results.
import { h, replaceChildren } from '../dom.js';
import { amountsOf } from '../money.js';
import { cardBack, cardElement, cardsElement } from './cards.js';
import { fitCentre } from './felt-centre.js';
import { placeTokens } from './felt-tokens.js';
import { cutNames } from './seat-names.js';
import { showdown } from './showdown.js';
import { readHand } from '../state/hand-reader.js';

const ACTIONS = { FOLD: 'Fold', CHECK: 'Check', CALL: 'Call', BET: 'Bet', RAISE: 'Raise', ALL_IN: 'All-in' };

/** Where seats sit: on an oval this far from the centre, as fractions of the table's half width and half height. */
const RX = 0.44;
const RY = 0.41;

/**
 * Where seat {@code offset} of {@code count} sits, as percentages of the table (offset 0 = bottom centre), the table
 * being {@code aspect} times as wide as it is high. Seats are spaced evenly along the oval, not by angle: on a wide,
 * short felt (a phone held sideways) equal angles bunch the seats at its two ends, one plate over the next, and nine
 * do not fit there; evenly along the edge they do.
 */
function position(offset, count, radius = 1, aspect = 2) {
  const angle = angleAlong(offset / count, aspect);
  return { left: 50 + 100 * RX * radius * Math.cos(angle), top: 50 + 100 * RY * radius * Math.sin(angle) };
}

/** The angle (from the bottom, clockwise on screen) at {@code part} of the way round the oval of a table {@code aspect} wide. */
function angleAlong(part, aspect) {
  const steps = 720;
  const lengths = [0];
  const point = i => {
    const a = Math.PI / 2 + (2 * Math.PI * i) / steps;
    return { x: aspect * RX * Math.cos(a), y: RY * Math.sin(a) };
  };
  for (let i = 1; i <= steps; i++) {
    const [p, q] = [point(i - 1), point(i)];
    lengths.push(lengths[i - 1] + Math.hypot(q.x - p.x, q.y - p.y));
  }
  const wanted = (((part % 1) + 1) % 1) * lengths[steps];
  let i = 1;
  while (i < steps && lengths[i] < wanted) {
    i++;
  }
  const within = (wanted - lengths[i - 1]) / (lengths[i] - lengths[i - 1] || 1);
  return Math.PI / 2 + (2 * Math.PI * (i - 1 + within)) / steps;
}

function placed(element, { left, top }) {
  element.style.left = `${left}%`;
  element.style.top = `${top}%`;
  return element;
}

/**
 * Draws the model into {@code felt}. {@code onEmptySeat(seat)} is called when the viewer (not seated) picks a seat.
 */
export function renderFelt(felt, model, { onEmptySeat, pendingAct } = {}) {
  const config = model.config;
  const { format } = amountsOf(config);
  const me = model.mySeat;
  felt.dataset.seq = String(model.seq);
  felt.dataset.handId = model.handId === null ? '' : String(model.handId);
  felt.dataset.toAct = model.turn ? String(model.turn.seat) : '';
  felt.dataset.mySeat = String(me);
  const count = config.seatCount;
  felt.classList.toggle('many-seats', count > 6); // too many seats to lower the felt on a short phone
  // The felt's shape as laid out (2:1 before it is; measured after the class above, which can change it): where the
  // seats go along its edge depends on it.
  const aspect = felt.clientWidth > 0 && felt.clientHeight > 0 ? felt.clientWidth / felt.clientHeight : 2;
  const at = (offset, radius) => position(offset, count, radius, aspect);
  const shown = showdown(model);
  const parts = [];
  for (let number = 0; number < count; number++) {
    const offset = (number - Math.max(me, 0) + count) % count;
    const seat = model.seat(number);
    if (!seat) {
      parts.push(placed(emptySeat(number, me < 0 ? onEmptySeat : null), at(offset)));
      continue;
    }
    parts.push(placed(seatElement(model, seat, number === me, pendingAct, shown), at(offset)));
    if (seat.bet > 0n) {
      parts.push(placed(h('div', { class: 'bet', id: `bet-${number}`, dataset: { cents: seat.bet.toString() } },
          h('span', { class: 'chip' }), format(seat.bet)), at(offset, 0.58)));
    }
    if (number === model.button) {
      const spot = at(offset + 0.32, 0.72);
      parts.push(placed(h('div', { class: 'dealer-button', id: 'dealer-button', title: 'dealer button',
        dataset: { seat: number } }, 'D'), spot));
    }
  }
  parts.push(center(model, shown));
  replaceChildren(felt, keepUnchanged(felt, parts));
  cutNames(felt);
  fitCentre(felt);
  placeTokens(felt);
}

/**
 * The parts to draw, where a seat drawn exactly as before is the element already on the felt: a seat that did not
 * change stays the same element between drawings, so a click or tap on it is not lost to a drawing in between (a busy
 * table draws many times a second, and a button replaced under the pointer never receives the click).
 */
function keepUnchanged(felt, parts) {
  const before = new Map();
  for (const child of felt.children) {
    if (child.drawnAs !== undefined) {
      before.set(child.id, child);
    }
  }
  return parts.map(part => {
    if (!part.classList.contains('seat')) {
      return part; // bets and the dealer button are placed after each drawing (placeTokens), from where it put them
    }
    const drawnAs = part.outerHTML;
    const kept = before.get(part.id);
    if (kept && kept.drawnAs === drawnAs) {
      return kept;
    }
    part.drawnAs = drawnAs;
    return part;
  });
}

function emptySeat(number, onEmptySeat) {
  if (!onEmptySeat) {
    return h('div', { class: 'seat empty', id: `seat-${number}`, dataset: { seat: number } }, h('span', { class: 'seat-open' }, 'Open'));
  }
  return h('button', {
    class: 'seat empty', id: `seat-${number}`, type: 'button', dataset: { seat: number },
    onclick: () => onEmptySeat(number),
  }, h('span', { class: 'seat-open' }, 'Sit here'));
}

function seatStatus(model, seat) {
  if (seat.busted && !seat.inHand) return 'busted';
  if (seat.sittingOut && !seat.inHand) return 'sitting-out';
  if (!seat.connected) return 'disconnected';
  if (seat.folded) return 'folded';
  if (seat.allIn) return 'all-in';
  if (seat.inHand) return 'in-hand';
  // A seat left out of a running hand is dealt in when the big blind reaches it (the server's rule).
  return model.handId !== null ? 'waiting-for-big-blind' : 'waiting';
}

function seatElement(model, seat, mine, pendingAct, shown) {
  const turn = model.turn && model.turn.seat === seat.seat ? model.turn : null;
  const { format } = amountsOf(model.config);
  const status = seatStatus(model, seat);
  const winner = shown.winners.has(seat.seat);
  let cards = null;
  if (seat.shown) {
    cards = cardsElement(seat.shown.cards, 'cards shown');
    markBest(cards, winner ? shown.best : null);
  } else if (seat.cards) {
    cards = cardsElement(seat.cards, mine ? 'cards mine' : 'cards');
  } else if (seat.hasCards && seat.inHand) {
    cards = h('span', { class: `cards${model.holeCardCount > 2 ? ' many' : ''}` },
        Array.from({ length: model.holeCardCount }, cardBack));
  }
  const action = seat.lastAction ? `${ACTIONS[seat.lastAction.action] ?? seat.lastAction.action}`
      + (seat.lastAction.action === 'BET' || seat.lastAction.action === 'RAISE' ? ` ${format(seat.lastAction.streetTotal)}` : '')
      : null;
  const labels = {
    busted: 'Busted', 'sitting-out': 'Sitting out', disconnected: 'Disconnected', folded: 'Folded', 'all-in': 'All-in', waiting: 'Waiting',
    'waiting-for-big-blind': 'Waits for big blind',
  };
  // The player's own hand while it is played: "a pair of Sixes" where the last action would be.
  const strength = mine && !seat.shown && seat.cards && seat.inHand && !seat.folded && model.handId !== null
    ? readHand(seat.cards, model.board) : null;
  return h('div', {
    class: `seat${mine ? ' mine' : ''}${turn ? ' to-act' : ''}${winner ? ' winner' : ''}`, id: `seat-${seat.seat}`,
    dataset: { seat: seat.seat, player: seat.player, status },
  },
  h('div', { class: 'seat-cards' }, cards),
  h('div', { class: 'seat-plate' },
    h('div', { class: 'seat-name', title: seat.player }, seat.player),
    h('div', { class: 'seat-stack', dataset: { cents: seat.stack.toString() } }, format(seat.stack)),
    h('div', { class: 'seat-note' },
      seat.shown?.handName ? h('span', { class: 'hand-name', title: seat.shown.handName }, seat.shown.handName)
        : strength ? h('span', { class: 'hand-strength', id: 'my-hand', title: strength.name }, strength.short)
        : action ? h('span', { class: 'last-action' }, action)
        : labels[status] ? h('span', { class: 'status' }, labels[status]) : null),
    turn ? clock(turn, mine && pendingAct) : null));
}

function clock(turn, sent) {
  return h('div', { class: 'clock', id: 'turn-clock', dataset: { seat: turn.seat } },
      h('div', { class: 'clock-bar' }, h('div', { class: 'clock-fill' })),
      h('span', { class: 'clock-text' }, sent ? 'sent…' : ''));
}

/** Updates the running clock from the turn's time left when it arrived; called a few times a second. */
export function tickClock(felt, model, now) {
  const element = felt.querySelector('#turn-clock');
  const turn = model.turn;
  if (!element || !turn) {
    return;
  }
  const elapsed = Math.max(0, now - turn.receivedAt);
  const actionLeft = turn.millisLeft - elapsed;
  const inBank = actionLeft <= 0;
  const left = inBank ? Math.max(0, turn.timeBankMillis + actionLeft) : actionLeft;
  const whole = inBank ? turn.timeBankMillis : turn.millisLeft;
  element.classList.toggle('time-bank', inBank);
  // The last five seconds: the clock pulses (and the player to act hears it, table-view.js).
  element.classList.toggle('ending', left <= 5000);
  element.querySelector('.clock-fill').style.width = `${whole > 0 ? Math.min(100, (100 * left) / whole) : 0}%`;
  const text = element.querySelector('.clock-text');
  if (text.textContent !== 'sent…') {
    // "time bank" is its own span: a phone's narrow plate leaves it out (the bar turns red instead).
    replaceChildren(text, inBank ? h('span', { class: 'bank-word' }, 'time bank ') : null, `${Math.ceil(left / 1000)}s`);
  }
}

/** Outlines the cards of {@code best} (the winning five) among {@code cards}' card elements. */
function markBest(cards, best) {
  if (!best) {
    return;
  }
  for (const card of cards.querySelectorAll('.card[data-card]')) {
    card.classList.toggle('best', best.has(card.dataset.card));
  }
}

function center(model, shown) {
  const { format } = amountsOf(model.config);
  const board = h('div', { class: 'board', id: 'board' }, model.board.map(cardElement));
  markBest(board, shown.best);
  const total = model.potTotal;
  // A showdown's results take the pot's place: they say what each pot was and who won it, and a short felt has room
  // for the board and one of the two only.
  const awarded = shown.pots.length > 0;
  const pot = total > 0n && !awarded
    ? h('div', { class: 'pot', id: 'pot', dataset: { cents: total.toString() } }, `Pot ${format(total)}`) : null;
  const pots = model.pots.length > 1 && !awarded
    ? h('div', { class: 'pots', id: 'pots' }, model.pots.map((p, i) =>
        h('span', { class: 'pot-part', dataset: { pot: i, cents: p.amount.toString() } },
            `${i === 0 ? 'Main' : `Side ${i}`} ${format(p.amount)}`)))
    : null;
  const results = shown.pots.length
    ? h('ul', { class: 'results', id: 'results', dataset: { hand: shown.handId ?? '' } }, shown.pots.map(pot => potLine(pot, format)))
    : null;
  return h('div', { class: 'center' }, board, pot, pots, results);
}

/** One pot's result: "alice wins the main pot 4.00 with …", or a split with each share, amounts as {@code format} writes them. */
function potLine(pot, format) {
  const named = pot.handName ? ` with ${pot.handName}` : '';
  if (pot.shares.length === 1) {
    const a = pot.shares[0];
    return h('li', { class: 'award', dataset: { pot: pot.pot, seat: a.seat, cents: a.amount.toString(), oddCent: a.oddCent } },
        `${a.player} wins ${pot.name} ${format(a.amount)}${named}`,
        a.oddCent ? h('span', { class: 'odd-cent' }, ' +odd cent') : null);
  }
  const shares = pot.shares.flatMap((a, i) => [i > 0 ? ', ' : '',
    h('span', { class: 'share', dataset: { seat: a.seat, cents: a.amount.toString(), oddCent: a.oddCent } },
        `${a.player} ${format(a.amount)}`, a.oddCent ? h('span', { class: 'odd-cent' }, ' +odd cent') : null)]);
  return h('li', { class: 'award split', dataset: { pot: pot.pot, cents: pot.total.toString() } },
      `${capitalised(pot.name)} ${format(pot.total)} is split: `, ...shares, named);
}

function capitalised(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
