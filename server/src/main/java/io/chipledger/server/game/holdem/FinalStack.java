package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;

/** A seat's stack when its hand ended; may be zero. */
public record FinalStack(int seat, Money stack) {
}
