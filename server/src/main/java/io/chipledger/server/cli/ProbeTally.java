package io.chipledger.server.cli;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the cluster probe's tables saw: postings acknowledged, refused as FENCED, refused otherwise, and whose outcome
 * was unknown for a while; leases lost; and the longest stretch with no posting acknowledged while it served a table
 * (how long writes stopped during a failover).
 */
final class ProbeTally {

    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong fenced = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong unknown = new AtomicLong();
    final AtomicLong leasesLost = new AtomicLong();
    private volatile long lastAckNanos = System.nanoTime();
    private long longestGapNanos;
    private Instant longestGapStart;
    private volatile String lastNote;

    void acknowledged() {
        acknowledged.incrementAndGet();
        lastAckNanos = System.nanoTime();
    }

    void note(String note) {
        lastNote = note;
    }

    String lastNote() {
        return lastNote;
    }

    /**
     * Called often (every 100 ms) while tables are served: the time since the last acknowledgement, if longest yet, is
     * kept. {@code serving} false (no table held) restarts the clock, so a node waiting for a lease is not a gap.
     */
    synchronized void tick(boolean serving) {
        long now = System.nanoTime();
        if (!serving) {
            lastAckNanos = now;
            return;
        }
        long gap = now - lastAckNanos;
        if (gap > longestGapNanos) {
            longestGapNanos = gap;
            longestGapStart = Instant.now().minusNanos(gap);
        }
    }

    synchronized long longestGapMillis() {
        return longestGapNanos / 1_000_000;
    }

    synchronized Instant longestGapStart() {
        return longestGapStart;
    }
}
