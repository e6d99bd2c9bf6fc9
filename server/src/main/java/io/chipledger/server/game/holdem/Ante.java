package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;
import java.util.Objects;

/** Which ante a table plays with: none, the same ante from everyone, or one big-blind ante. */
public sealed interface Ante {

    /** The total a full table of {@code players} would post. */
    Money perHand(int players);

    /** No ante. */
    record None() implements Ante {
        @Override
        public Money perHand(int players) {
            return Money.ZERO;
        }
    }

    /** Every player posts {@code amount}; it counts toward the pot levels like a bet. */
    record Uniform(Money amount) implements Ante {
        public Uniform {
            requirePositive(amount);
        }

        @Override
        public Money perHand(int players) {
            return amount.times(players);
        }
    }

    /** The big blind posts {@code amount} for everyone: dead money that goes whole into the main pot. */
    record BigBlind(Money amount) implements Ante {
        public BigBlind {
            requirePositive(amount);
        }

        @Override
        public Money perHand(int players) {
            return amount;
        }
    }

    private static void requirePositive(Money amount) {
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("an ante must be positive (use Ante.None for none), was " + amount);
        }
    }
}
