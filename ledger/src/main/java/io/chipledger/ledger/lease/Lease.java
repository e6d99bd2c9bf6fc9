package io.chipledger.ledger.lease;

import io.chipledger.ledger.Fence;

import java.time.Instant;

/**
 * A lease as the database holds it. {@code free} is the database's own verdict (expired or released, by its clock):
 * anyone may claim it.
 */
public record Lease(String name, String holder, long epoch, Instant expiresAt, boolean free) {

    /** The fencing token of the claim that made this lease. */
    public Fence fence() {
        return new Fence(name, epoch);
    }
}
