package io.chipledger.server.table;

import java.time.Duration;

/**
 * How long a table keeps a seat for a player who is not playing, and keeps a removed player away. Within
 * {@code disconnectGrace} a dropped player keeps the seat and their turns time out as usual; then they are sat out, and
 * after {@code abandonAfter} more their stack is cashed out to their wallet. A seat restored after a restart is cashed
 * out if its player is not back within the grace. A player who lost every chip is offered a rebuy for
 * {@code rebuyWindow}, then stood up, so a busted seat never waits at the table for good. A player an operator removed
 * may not sit at that table again for {@code barAfterRemoval}.
 */
public record SeatTimeouts(Duration disconnectGrace, Duration abandonAfter, Duration rebuyWindow, Duration barAfterRemoval) {

    public static final Duration DEFAULT_REBUY_WINDOW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_BAR_AFTER_REMOVAL = Duration.ofMinutes(15);

    /** The drop timeouts given, and the default rebuy window and bar. */
    public SeatTimeouts(Duration disconnectGrace, Duration abandonAfter) {
        this(disconnectGrace, abandonAfter, DEFAULT_REBUY_WINDOW, DEFAULT_BAR_AFTER_REMOVAL);
    }

    public static SeatTimeouts defaults() {
        return new SeatTimeouts(Duration.ofSeconds(60), Duration.ofMinutes(5));
    }

    public SeatTimeouts withRebuyWindow(Duration window) {
        return new SeatTimeouts(disconnectGrace, abandonAfter, window, barAfterRemoval);
    }

    public SeatTimeouts withBarAfterRemoval(Duration bar) {
        return new SeatTimeouts(disconnectGrace, abandonAfter, rebuyWindow, bar);
    }
}
