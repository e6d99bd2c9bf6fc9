package io.chipledger.server.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How a game node runs among others: who it is, the time to live of its table leases (renewed every quarter of it; a
 * node silent for that long loses its tables to the others, which then void its hands in play), and how long a drain
 * waits for the hands in play to end before it voids those left.
 */
public record NodeSettings(NodeIdentity identity, Duration tableLease, Duration drainBound) {

    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(10);
    public static final Duration DEFAULT_DRAIN_BOUND = Duration.ofSeconds(60);

    public NodeSettings(NodeIdentity identity, Duration tableLease) {
        this(identity, tableLease, DEFAULT_DRAIN_BOUND);
    }

    public NodeSettings {
        Objects.requireNonNull(identity, "identity");
        if (tableLease.toMillis() < 1_000 || tableLease.toMinutes() > 10) {
            throw new IllegalArgumentException("a table lease lasts 1 s to 10 min, was " + tableLease);
        }
        Objects.requireNonNull(drainBound, "drainBound");
    }

    public String name() {
        return identity.name();
    }
}
