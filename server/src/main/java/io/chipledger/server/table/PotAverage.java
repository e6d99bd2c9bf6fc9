package io.chipledger.server.table;

import io.chipledger.money.Money;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The average pot of a table's recent hands, for the lobby. A statistic shown to players, not a chip movement: the
 * average is rounded down to the cent, and nothing is ever paid from it.
 */
final class PotAverage {

    private final int window;
    private final Deque<Long> recentCents = new ArrayDeque<>();
    private long sumCents;

    PotAverage(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("the window holds at least one hand");
        }
        this.window = window;
    }

    /** Records a finished hand's whole pot (awards and rake). */
    void add(Money pot) {
        long cents = pot.toCents();
        recentCents.addLast(cents);
        sumCents += cents;
        if (recentCents.size() > window) {
            sumCents -= recentCents.removeFirst();
        }
    }

    /** The average of the recorded pots, or zero before the first hand. */
    Money average() {
        return recentCents.isEmpty() ? Money.ZERO : Money.ofCents(sumCents / recentCents.size());
    }

    int hands() {
        return recentCents.size();
    }
}
