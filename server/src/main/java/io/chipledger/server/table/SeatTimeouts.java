package io.chipledger.server.table;

import java.time.Duration;

/**
 * How long a table waits for a player who dropped. Within {@code disconnectGrace} the seat is kept and the player's
 * turns time out as usual; then they are sat out, and after {@code abandonAfter} more their stack is cashed out to
 * their wallet. A seat restored after a restart is cashed out if its player is not back within the grace.
 */
public record SeatTimeouts(Duration disconnectGrace, Duration abandonAfter) {

    public static SeatTimeouts defaults() {
        return new SeatTimeouts(Duration.ofSeconds(60), Duration.ofMinutes(5));
    }
}
