package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;
import java.util.Objects;

/**
 * A player dealt into a hand: the table's seat number (what events name) and the chips in front of them.
 * {@code postsBigBlind}: a player who chose to come in at once rather than wait for the big blind, and posts a live big
 * blind from where they sit (after the blinds, before the button).
 */
public record PlayerSeat(int seat, Money stack, boolean postsBigBlind) {

    public PlayerSeat {
        Objects.requireNonNull(stack, "stack");
        if (seat < 0) {
            throw new IllegalArgumentException("seat numbers are not negative, was " + seat);
        }
        if (!stack.isPositive()) {
            throw new IllegalArgumentException("seat " + seat + " needs chips to be dealt in, has " + stack);
        }
    }

    /** A player who posts only the blinds of their position. */
    public PlayerSeat(int seat, Money stack) {
        this(seat, stack, false);
    }
}
