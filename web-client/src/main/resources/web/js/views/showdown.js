// The last showdown as the felt shows it: each pot once (a split pot with every share, never as two winners of the
// whole pot), the winning hand named with the kicker when one decided ("a pair of Kings, Ace kicker"), the winners'
// seats, and the five cards that won the main pot, to outline. The server decided who won; this only reads its events.
import { potName } from './hand-log.js';
import { compare, nameAgainst, readHand } from '../state/hand-reader.js';

/** {handId, winners: Set of seats, pots: [{pot, name, shares, total, handName}], best: Set of card codes or null} */
export function showdown(model) {
  const current = model.awards.length > 0;
  const awards = current ? model.awards : model.handId === null ? model.lastHand?.awards ?? [] : [];
  const handId = current ? model.handId : model.lastHand?.handId;
  const board = current ? model.board : model.lastHand?.board ?? model.board;
  const hands = new Map();
  for (const seat of model.seats.values()) {
    const value = seat.shown ? readHand(seat.shown.cards, board) : null;
    if (value) {
      hands.set(seat.seat, value);
    }
  }
  const pots = [];
  for (const award of awards) {
    let pot = pots.find(p => p.pot === award.pot);
    if (!pot) {
      pot = { pot: award.pot, name: potName(award.pot), shares: [], total: 0n, handName: null };
      pots.push(pot);
    }
    pot.shares.push(award);
    pot.total += award.amount;
  }
  for (const pot of pots) {
    const first = pot.shares[0];
    const winning = hands.get(first.seat);
    if (!first.handName || !winning) {
      pot.handName = first.handName ?? null; // won without a showdown: no hand to name
      continue;
    }
    const potWinners = new Set(pot.shares.map(share => share.seat));
    const beaten = [...hands.entries()].filter(([seat]) => !potWinners.has(seat)).map(([, value]) => value)
        .sort((a, b) => compare(b, a));
    pot.handName = nameAgainst(winning, beaten[0]);
  }
  const main = pots.find(p => p.pot === 0) ?? pots[0];
  const best = main ? hands.get(main.shares[0].seat) : null;
  return { handId, winners: new Set(awards.map(a => a.seat)), pots, best: best ? new Set(best.five) : null };
}
