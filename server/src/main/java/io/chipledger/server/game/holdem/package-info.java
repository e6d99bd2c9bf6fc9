/**
 * The hand state machine of the hold'em family for 2 to 10 players: No-Limit Texas Hold'em and Pot-Limit Omaha
 * Hold'em, each a {@link io.chipledger.server.game.holdem.Variant} made of a hole-card count, a
 * {@link io.chipledger.server.game.holdem.BettingStructure} and a {@link io.chipledger.server.game.eval.HandRanking};
 * forced bets, side pots, odd cents and uncalled bets are one code path for all of them.
 * {@link io.chipledger.server.game.holdem.HoldemHand} takes {@link io.chipledger.server.game.holdem.HandCommand}s
 * (imperative: {@code Fold}, {@code RaiseTo}, {@code DealBoard}); each one's {@code verify} explains a refusal with a
 * {@link io.chipledger.server.game.holdem.Refusal} and leaves the hand unchanged, and its {@code apply} returns the
 * {@link io.chipledger.server.game.holdem.HandEvent}s it caused (past tense: {@code Folded}, {@code Raised}).
 *
 * <p>Invariant: every chip that moves is an event implementing {@link io.chipledger.server.game.holdem.ChipMovement}
 * with an explicit amount, source and destination (seat stack, the hand's pot, the house's rake), and the movements of
 * a finished hand leave the pot empty. The table actor posts exactly these movements to the ledger.
 *
 * <p>Players are given in seat order starting left of the button, the button last (the order of a PHH hand history);
 * heads-up the button posts the small blind and acts first before the flop.
 */
package io.chipledger.server.game.holdem;
