package io.chipledger.ledger.postgres;

import java.time.Duration;

/**
 * How the group commit trades latency for throughput.
 *
 * @param writers     writer threads, each with its own queue and connection; a key always goes to the same writer
 * @param maxBatch    most postings in one transaction
 * @param linger      how long a writer waits for more postings after the first before it starts a batch
 * @param maxAttempts tries of one batch on serialization failures, deadlocks and lost connections
 * @param backoff     first pause between tries; doubled each time, capped at 100 times this
 */
public record LedgerSettings(int writers, int maxBatch, Duration linger, int maxAttempts, Duration backoff) {

    public LedgerSettings {
        if (writers < 1 || maxBatch < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("writers, maxBatch and maxAttempts must be at least 1");
        }
        if (linger.isNegative() || backoff.isNegative()) {
            throw new IllegalArgumentException("linger and backoff must not be negative");
        }
    }

    public static LedgerSettings defaults() {
        return new LedgerSettings(2, 500, Duration.ofMillis(1), 10, Duration.ofMillis(2));
    }

    public LedgerSettings withWriters(int count) {
        return new LedgerSettings(count, maxBatch, linger, maxAttempts, backoff);
    }

    public LedgerSettings withLinger(Duration wait) {
        return new LedgerSettings(writers, maxBatch, wait, maxAttempts, backoff);
    }

    public LedgerSettings withMaxBatch(int size) {
        return new LedgerSettings(writers, size, linger, maxAttempts, backoff);
    }
}
