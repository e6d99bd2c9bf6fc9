package io.chipledger.server.bot;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts latencies in buckets of 1 microsecond up to 1 ms, then 10 us up to 100 ms, then 1 ms up to 10 s, so
 * percentiles come out with small relative error and recording is one atomic increment (many bot threads record).
 */
public final class LatencyRecorder {

    private static final int FINE = 1_000;        // 0..999 us, 1 us each
    private static final int MEDIUM = 9_900;      // 1 ms..100 ms, 10 us each
    private static final int COARSE = 9_900;      // 100 ms..10 s, 1 ms each
    private final AtomicLongArray buckets = new AtomicLongArray(FINE + MEDIUM + COARSE + 1);

    public void record(long nanos) {
        long micros = Math.max(0, nanos / 1_000);
        int bucket;
        if (micros < 1_000) {
            bucket = (int) micros;
        } else if (micros < 100_000) {
            bucket = FINE + (int) ((micros - 1_000) / 10);
        } else if (micros < 10_000_000) {
            bucket = FINE + MEDIUM + (int) ((micros - 100_000) / 1_000);
        } else {
            bucket = FINE + MEDIUM + COARSE;
        }
        buckets.incrementAndGet(bucket);
    }

    public long count() {
        long n = 0;
        for (int i = 0; i < buckets.length(); i++) {
            n += buckets.get(i);
        }
        return n;
    }

    /** The latency at or below which {@code permille}/1000 of the recordings fall, in microseconds (upper bucket edge). */
    public long percentileMicros(int permille) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        long rank = (total * permille + 999) / 1000;
        long seen = 0;
        for (int i = 0; i < buckets.length(); i++) {
            seen += buckets.get(i);
            if (seen >= rank) {
                return upperEdgeMicros(i);
            }
        }
        return upperEdgeMicros(buckets.length() - 1);
    }

    private static long upperEdgeMicros(int bucket) {
        if (bucket < FINE) {
            return bucket + 1;
        } else if (bucket < FINE + MEDIUM) {
            return 1_000 + (bucket - FINE + 1) * 10L;
        } else if (bucket < FINE + MEDIUM + COARSE) {
            return 100_000 + (bucket - FINE - MEDIUM + 1) * 1_000L;
        }
        return 10_000_000;
    }

    /** "p50 2.1 ms, p99 9.8 ms" */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "p50 %s, p99 %s", millis(percentileMicros(500)), millis(percentileMicros(990)));
    }

    private static String millis(long micros) {
        return (micros / 1000) + "." + (micros % 1000) / 100 + " ms";
    }
}
