package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;

/**
 * One player as the client sees them: stack, chips bet on the current street, total put into the hand, and status.
 */
public record SeatView(int seat, Money stack, Money streetBet, Money committed, boolean folded, boolean allIn) {
}
