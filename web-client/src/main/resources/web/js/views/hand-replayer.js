// A recorded hand played back one step at a time for the player who played it: the seats with their stacks, the
// player's own cards and any cards shown, the board as it was dealt, the pot, and what each step did. Reads the hand's
// JSON export (docs/hand-history-json.md) as the server lets this player see it: other players' cards only where shown.
import { h, replaceChildren } from '../dom.js';
import { format, fromWire } from '../money.js';
import { cardElement } from './cards.js';

const BLINDS = { SMALL: 'small blind', BIG: 'big blind', STRADDLE: 'straddle' };

/** The hand as a list of states, one a step: {text, stacks: Map seat->cents, cards: Map seat->codes, board, pot}. */
export function replaySteps(hand) {
  const seats = hand.seats ?? [];
  const name = seat => seats.find(s => s.seat === seat)?.player ?? `seat ${seat + 1}`;
  const stacks = new Map(seats.map(s => [s.seat, fromWire(s.startingStack ?? '0.00')]));
  const cards = new Map(seats.filter(s => Array.isArray(s.holeCards)).map(s => [s.seat, s.holeCards]));
  let board = [];
  let pot = 0n;
  const steps = [];
  const snap = text => steps.push({ text, stacks: new Map(stacks), cards: new Map(cards), board: [...board], pot });
  const into = (seat, amount) => {
    const cents = fromWire(amount);
    stacks.set(seat, (stacks.get(seat) ?? 0n) - cents);
    pot += cents;
  };
  const out = (seat, amount) => {
    const cents = fromWire(amount);
    stacks.set(seat, (stacks.get(seat) ?? 0n) + cents);
    pot -= cents;
  };
  snap(`Hand #${hand.handId} at ${hand.tableName ?? 'the table'}: ${name(hand.button)} has the button`);
  for (const e of hand.events ?? []) {
    switch (e.type) {
      case 'antePosted': into(e.seat, e.amount); snap(`${name(e.seat)} posts an ante ${format(fromWire(e.amount))}`); break;
      case 'blindPosted': into(e.seat, e.amount); snap(`${name(e.seat)} posts the ${BLINDS[e.blind] ?? e.blind} ${format(fromWire(e.amount))}`); break;
      case 'holeCardsDealt': break; // the seats' cards are drawn from the start
      case 'streetDealt': board = [...board, ...e.cards]; snap(`${e.street.charAt(0)}${e.street.slice(1).toLowerCase()}`); break;
      case 'folded': snap(`${name(e.seat)} folds`); break; // their cards stay: the player sees their own to the end
      case 'checked': snap(`${name(e.seat)} checks`); break;
      case 'called': into(e.seat, e.amount); snap(`${name(e.seat)} calls ${format(fromWire(e.amount))}${e.allIn ? ' (all-in)' : ''}`); break;
      case 'bet': into(e.seat, e.amount); snap(`${name(e.seat)} bets ${format(fromWire(e.amount))}${e.allIn ? ' (all-in)' : ''}`); break;
      case 'raised': into(e.seat, e.amount); snap(`${name(e.seat)} raises to ${format(fromWire(e.to))}${e.allIn ? ' (all-in)' : ''}`); break;
      case 'uncalledBetReturned': out(e.seat, e.amount); snap(`${format(fromWire(e.amount))} uncalled returned to ${name(e.seat)}`); break;
      case 'handTabled': case 'handShown':
        cards.set(e.seat, e.cards);
        snap(`${name(e.seat)} shows${e.handName ? ` ${e.handName}` : ''}`);
        break;
      case 'handMucked': snap(`${name(e.seat)} mucks`); break;
      case 'rakeTaken': pot -= fromWire(e.amount); snap(`Rake ${format(fromWire(e.amount))}`); break;
      case 'potAwarded': out(e.seat, e.amount); snap(`${name(e.seat)} wins ${format(fromWire(e.amount))}${e.pot > 0 ? ` from side pot ${e.pot}` : ''}`); break;
      case 'refunded': out(e.seat, e.amount); snap(`${format(fromWire(e.amount))} refunded to ${name(e.seat)}`); break;
      default: break;
    }
  }
  return steps;
}

/** Opens the replayer for {@code hand} (one hand of the JSON export) as a modal dialog; {@code me}: the player's name. */
export function openReplayer(hand, me) {
  const seats = hand.seats ?? [];
  const steps = replaySteps(hand);
  let at = 0;
  const counter = h('span', { id: 'replay-step', class: 'replay-step' });
  const told = h('p', { id: 'replay-text', class: 'replay-text', 'aria-live': 'polite' });
  const board = h('div', { id: 'replay-board', class: 'board' });
  const pot = h('div', { id: 'replay-pot', class: 'replay-pot' });
  const seatList = h('ul', { id: 'replay-seats', class: 'replay-seats' });
  const prev = h('button', { type: 'button', id: 'replay-prev', onclick: () => show(at - 1) }, '◀ Back');
  const next = h('button', { type: 'button', id: 'replay-next', class: 'primary', onclick: () => show(at + 1) }, 'Next ▶');
  const done = h('button', { type: 'button', id: 'replay-close', onclick: () => dialog.close() }, 'Close');
  const dialog = h('dialog', { id: 'replayer', class: 'replayer' },
      h('h2', {}, `Hand #${hand.handId}`), told, board, pot, seatList,
      h('div', { class: 'dialog-buttons' }, counter, prev, next, done));
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);

  function show(step) {
    at = Math.max(0, Math.min(steps.length - 1, step));
    const s = steps[at];
    counter.textContent = `Step ${at + 1} of ${steps.length}`;
    told.textContent = s.text;
    replaceChildren(board, s.board.map(cardElement));
    pot.textContent = `Pot ${format(s.pot)}`;
    replaceChildren(seatList, seats.map(seat => h('li', {
      class: `replay-seat${seat.player === me ? ' mine' : ''}`, id: `replay-seat-${seat.seat}`, dataset: { seat: seat.seat },
    }, h('b', {}, seat.player), ' ', h('span', { class: 'replay-stack' }, format(s.stacks.get(seat.seat) ?? 0n)), ' ',
        h('span', { class: 'cards' }, (s.cards.get(seat.seat) ?? []).map(cardElement)))));
    prev.disabled = at === 0;
    next.disabled = at === steps.length - 1;
  }
  show(0);
  dialog.showModal();
  return dialog;
}
