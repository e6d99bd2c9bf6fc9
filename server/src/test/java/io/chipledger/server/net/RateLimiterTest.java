package io.chipledger.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsABurstThenRefillsAtTheRate() {
        RateLimiter limiter = new RateLimiter(2, 3, 0);
        assertThat(limiter.tryAcquire(0)).isTrue();
        assertThat(limiter.tryAcquire(0)).isTrue();
        assertThat(limiter.tryAcquire(0)).isTrue();
        assertThat(limiter.tryAcquire(0)).isFalse();
        assertThat(limiter.tryAcquire(SECOND / 2)).isTrue();
        assertThat(limiter.tryAcquire(SECOND / 2)).isFalse();
    }

    @Test
    void idleTimeNeverBanksMoreThanTheBurst() {
        RateLimiter limiter = new RateLimiter(10, 2, 0);
        long later = 1_000 * SECOND;
        assertThat(limiter.tryAcquire(later)).isTrue();
        assertThat(limiter.tryAcquire(later)).isTrue();
        assertThat(limiter.tryAcquire(later)).isFalse();
    }
}
