package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;
import java.util.Objects;

/**
 * A player dealt into a hand: the table's seat number (what events name) and the chips in front of them.
 */
public record PlayerSeat(int seat, Money stack) {

    public PlayerSeat {
        Objects.requireNonNull(stack, "stack");
        if (seat < 0) {
            throw new IllegalArgumentException("seat numbers are not negative, was " + seat);
        }
        if (!stack.isPositive()) {
            throw new IllegalArgumentException("seat " + seat + " needs chips to be dealt in, has " + stack);
        }
    }
}
