package io.chipledger.ledger;

import java.util.Objects;

/**
 * A fencing token: the lease {@code name} as its holder claimed it, at {@code epoch}. A posting that carries one
 * commits only while that lease still stands at that epoch, checked in the posting's own transaction; once anyone
 * claimed the lease again (a higher epoch), the posting is refused as {@link RejectReason#FENCED} and moves nothing.
 */
public record Fence(String name, long epoch) {

    public Fence {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a lease name is 1 to 200 characters, was " + name);
        }
        if (epoch < 1) {
            throw new IllegalArgumentException("an epoch is at least 1, was " + epoch);
        }
    }

    @Override
    public String toString() {
        return name + "@" + epoch;
    }
}
