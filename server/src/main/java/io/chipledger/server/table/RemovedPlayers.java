package io.chipledger.server.table;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Players an operator removed from the table, each kept from sitting down again for a while: a kick that could be
 * undone by sitting straight back down would be no kick. Touched only inside the table's mailbox.
 */
final class RemovedPlayers {

    private final Clock clock;
    private final Duration bar;
    private final Map<Long, Instant> barredUntil = new HashMap<>();

    RemovedPlayers(Clock clock, Duration bar) {
        this.clock = clock;
        this.bar = bar;
    }

    Duration bar() {
        return bar;
    }

    void removed(long playerId) {
        barredUntil.put(playerId, clock.instant().plus(bar));
    }

    /** How long the player must still wait before sitting here again; zero when they may sit now. */
    Duration barredFor(long playerId) {
        Instant until = barredUntil.get(playerId);
        Instant now = clock.instant();
        if (until == null || !until.isAfter(now)) {
            barredUntil.remove(playerId);
            return Duration.ZERO;
        }
        return Duration.between(now, until);
    }
}
