package io.chipledger.server.cluster;

import java.time.Instant;

/** A game node as the registry lists it: who, where, how many tables it holds leases on now, and how it stands. */
public record GameNode(String name, String url, int tablesOwned, Instant startedAt, Instant lastHeartbeat,
                       NodeState state) {
}
