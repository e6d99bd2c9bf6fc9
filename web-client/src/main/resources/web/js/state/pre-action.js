// Pre-actions: what a player chooses before their turn (check/fold, check, call the price shown, call any), and
// whether that choice still stands. Pure: the action bar asks it, on the player's turn, what to send, if anything.
// A choice is dropped when the situation it was made in changes (a bet or raise changes the price of check and of
// call N; a new street or hand drops every choice), so nothing is ever sent on a price the player did not see.

import { min } from '../money.js';

export const PreAction = Object.freeze({ CHECK_FOLD: 'checkFold', CHECK: 'check', CALL: 'call', CALL_ANY: 'callAny' });

/** Where the betting stands for this viewer: the hand, the street, and the price to stay in. */
export function situationOf(model) {
  const me = model.seat(model.mySeat);
  return {
    handId: model.handId,
    street: model.board.length,
    // What a call would add: the difference to the highest bet, or the whole stack when that is less.
    toCall: me ? min(model.highestBet - me.bet, me.stack) : 0n,
  };
}

/** Whether the viewer may choose a pre-action now: in the hand, cards live, chips behind, not their turn. */
export function canPreAct(model) {
  const me = model.seat(model.mySeat);
  return Boolean(me && model.handId !== null && me.inHand && !me.folded && !me.allIn && me.hasCards
      && !(model.turn && model.turn.seat === model.mySeat));
}

/** A chosen pre-action, remembered with the situation it was chosen in. */
export function choose(kind, situation) {
  return { kind, situation };
}

/** Whether {@code choice} still stands in {@code now}. */
export function stands(choice, now) {
  if (!choice) {
    return false;
  }
  const was = choice.situation;
  if (was.handId !== now.handId || was.street !== now.street) {
    return false;
  }
  if (choice.kind === PreAction.CHECK || choice.kind === PreAction.CALL) {
    return was.toCall === now.toCall; // a bet or raise since: the price they chose on is gone
  }
  return true;
}

/** What to send for {@code choice} on a turn with these legal actions: CHECK, CALL, FOLD, or null (let them decide). */
export function actionFor(choice, legal) {
  switch (choice.kind) {
    case PreAction.CHECK_FOLD:
      return legal.canCheck ? 'CHECK' : 'FOLD';
    case PreAction.CHECK:
      return legal.canCheck ? 'CHECK' : null;
    case PreAction.CALL:
      if (choice.situation.toCall === 0n) {
        return legal.canCheck ? 'CHECK' : null;
      }
      return legal.call !== null && legal.call === choice.situation.toCall ? 'CALL' : null;
    case PreAction.CALL_ANY:
      return legal.canCheck ? 'CHECK' : legal.call !== null ? 'CALL' : null;
    default:
      return null;
  }
}
