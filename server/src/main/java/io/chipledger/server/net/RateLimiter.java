package io.chipledger.server.net;

/**
 * A token bucket: {@code burst} messages at once, one more every {@code 1/perSecond} seconds. Kept in integer
 * nanoseconds of credit. Not thread-safe: each is used from one place (a connection's event loop, a table's mailbox);
 * time comes from the caller, for tests.
 */
public final class RateLimiter {

    private final long nanosPerToken;
    private final long capacityNanos;
    private long creditNanos;
    private long lastNanos;

    public RateLimiter(int perSecond, int burst, long nowNanos) {
        if (perSecond <= 0 || burst <= 0) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.nanosPerToken = 1_000_000_000L / perSecond;
        this.capacityNanos = nanosPerToken * burst;
        this.creditNanos = capacityNanos;
        this.lastNanos = nowNanos;
    }

    /** Takes one token if there is one. */
    public boolean tryAcquire(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - lastNanos);
        creditNanos = Math.min(capacityNanos, creditNanos + Math.min(elapsed, capacityNanos));
        lastNanos = nowNanos;
        if (creditNanos >= nanosPerToken) {
            creditNanos -= nanosPerToken;
            return true;
        }
        return false;
    }
}
