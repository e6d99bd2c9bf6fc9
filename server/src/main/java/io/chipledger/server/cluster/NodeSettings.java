package io.chipledger.server.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How a game node runs among others: who it is, and the time to live of its table leases (renewed every quarter of
 * it; a node silent for that long loses its tables to the others, which then void its hands in play).
 */
public record NodeSettings(NodeIdentity identity, Duration tableLease) {

    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(10);

    public NodeSettings {
        Objects.requireNonNull(identity, "identity");
        if (tableLease.toMillis() < 1_000 || tableLease.toMinutes() > 10) {
            throw new IllegalArgumentException("a table lease lasts 1 s to 10 min, was " + tableLease);
        }
    }

    public String name() {
        return identity.name();
    }
}
