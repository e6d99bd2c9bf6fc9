package io.chipledger.ledger.postgres;

import java.time.Duration;

/**
 * How the group commit trades latency for throughput.
 *
 * @param writers     writer threads, each with its own queue and connection; a table (or a key) always goes to the
 *                    same writer
 * @param maxBatch    most postings in one transaction
 * @param linger      the longest a writer waits for more postings after the first before it starts a batch
 * @param quiet       a writer stops waiting sooner when no posting arrived for this long: the burst that follows a
 *                    commit (every table whose posting it held posts its next) is over
 * @param maxAttempts tries of one batch on serialization failures and deadlocks
 * @param backoff     first pause between tries; doubled each time, capped at 100 times this
 * @param outageWait  how long a writer keeps trying a batch while the database cannot be reached (a failover to a
 *                    standby, a restart), and keeps asking whether a commit whose answer was lost happened, before it
 *                    gives up and tells the callers the outcome is unknown; longer than a failover takes
 */
public record LedgerSettings(int writers, int maxBatch, Duration linger, Duration quiet, int maxAttempts,
                             Duration backoff, Duration outageWait) {

    public LedgerSettings {
        if (writers < 1 || maxBatch < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("writers, maxBatch and maxAttempts must be at least 1");
        }
        if (linger.isNegative() || quiet.isNegative() || backoff.isNegative() || outageWait.isNegative()) {
            throw new IllegalArgumentException("linger, quiet, backoff and outageWait must not be negative");
        }
    }

    public static LedgerSettings defaults() {
        return new LedgerSettings(2, 500, Duration.ofMillis(1), Duration.ofNanos(200_000), 10, Duration.ofMillis(2),
                Duration.ofMinutes(2));
    }

    public LedgerSettings withOutageWait(Duration wait) {
        return new LedgerSettings(writers, maxBatch, linger, quiet, maxAttempts, backoff, wait);
    }

    public LedgerSettings withWriters(int count) {
        return new LedgerSettings(count, maxBatch, linger, quiet, maxAttempts, backoff, outageWait);
    }

    public LedgerSettings withLinger(Duration wait) {
        return new LedgerSettings(writers, maxBatch, wait, quiet, maxAttempts, backoff, outageWait);
    }

    public LedgerSettings withQuiet(Duration gap) {
        return new LedgerSettings(writers, maxBatch, linger, gap, maxAttempts, backoff, outageWait);
    }

    public LedgerSettings withMaxBatch(int size) {
        return new LedgerSettings(writers, size, linger, quiet, maxAttempts, backoff, outageWait);
    }
}
