package io.chipledger.ledger.db;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The commits in flight on a database, and how long the oldest has waited. Under synchronous replication with no
 * standby left (Patroni's {@code synchronous_mode_strict}), the primary still answers {@code SELECT 1} while every
 * COMMIT waits for a standby that does not come: only a commit that waits tells. Writers say when a commit starts and
 * when it is over; {@link DatabaseAvailability} counts the database as lost while one has waited past a threshold.
 *
 * <p>It only watches. A waiting commit is never cancelled, timed out or cut off here: a cancelled wait for the standby
 * would make a row visible on the primary that the standby never got.
 */
public final class CommitWatch {

    /** One commit in flight; {@link #close()} when it is over, whatever its outcome. */
    public final class Commit implements AutoCloseable {
        private final long startedNanos = System.nanoTime();

        private Commit() {
        }

        @Override
        public void close() {
            inFlight.remove(this);
        }
    }

    private final Set<Commit> inFlight = ConcurrentHashMap.newKeySet();

    /** A commit (or a write that ends in one) starts now. */
    public Commit started() {
        Commit commit = new Commit();
        inFlight.add(commit);
        return commit;
    }

    /** How long the oldest commit in flight has waited so far; zero when none is. */
    public Duration longestWait() {
        long now = System.nanoTime();
        long longest = 0;
        for (Commit commit : inFlight) {
            longest = Math.max(longest, now - commit.startedNanos);
        }
        return Duration.ofNanos(longest);
    }
}
