package io.chipledger.server.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;

/**
 * Token buckets (Bucket4j) in front of login and registration: per address for every attempt, per account name for
 * failed logins, and per address for welcome grants. A name that failed too often is slowed, not locked: one more
 * try per {@code failureRefill}, and none of it applies to an address the account logged in from before. Buckets
 * live in memory, dropped when unused for a day.
 */
final class LoginThrottle {

    /** How long until the next try may succeed; zero when it may go ahead now. */
    record Verdict(long waitNanos) {
        static final Verdict GO = new Verdict(0);

        boolean allowed() {
            return waitNanos == 0;
        }

        long retryAfterSeconds() {
            return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        }
    }

    private final LoginLimits limits;
    private final Cache<InetAddress, Bucket> attempts = expiring();
    private final Cache<String, Bucket> failures = expiring();
    private final Cache<InetAddress, Bucket> grants = expiring();
    /** name and address pairs that logged in: such an address is trusted for the name whatever its failures. */
    private final Cache<String, Boolean> knownAddresses = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterWrite(Duration.ofDays(30)).build();

    LoginThrottle(LoginLimits limits) {
        this.limits = limits;
    }

    /** Takes one attempt from the address's bucket. */
    Verdict attempt(InetAddress address) {
        if (!limited(address)) {
            return Verdict.GO;
        }
        Bucket bucket = attempts.get(address, a -> bucket(limits.attemptsPerMinute(), Duration.ofMinutes(1)));
        return verdict(bucket.tryConsumeAndReturnRemaining(1));
    }

    /** Whether a login for {@code name} from {@code address} may be tried now, given the name's failures. */
    Verdict loginAllowed(String name, InetAddress address) {
        if (name == null || knownAddresses.getIfPresent(pair(name, address)) != null) {
            return Verdict.GO;
        }
        Bucket bucket = failures.getIfPresent(key(name));
        if (bucket == null) {
            return Verdict.GO;
        }
        long wait = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return bucket.getAvailableTokens() >= 1 ? Verdict.GO : new Verdict(Math.max(1, wait));
    }

    void failed(String name, InetAddress address) {
        if (name == null || knownAddresses.getIfPresent(pair(name, address)) != null) {
            return;
        }
        failures.get(key(name), n -> bucket(limits.failuresPerName(),
                limits.failureRefill().multipliedBy(limits.failuresPerName()))).tryConsume(1);
    }

    void succeeded(String name, InetAddress address) {
        knownAddresses.put(pair(name, address), Boolean.TRUE);
    }

    /** Takes a welcome grant from the address's allowance; false when it has had its share this period. */
    boolean grantAllowed(InetAddress address) {
        if (!limited(address)) {
            return true;
        }
        if (limits.grantsPerAddress() == 0) {
            return false;
        }
        return grants.get(address, a -> bucket(limits.grantsPerAddress(), limits.grantPeriod())).tryConsume(1);
    }

    private boolean limited(InetAddress address) {
        return address != null && (limits.loopbackToo() || !address.isLoopbackAddress());
    }

    /** {@code capacity} at once, refilled evenly over {@code period}. */
    private static Bucket bucket(long capacity, Duration period) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build()).build();
    }

    private static Verdict verdict(ConsumptionProbe probe) {
        return probe.isConsumed() ? Verdict.GO : new Verdict(Math.max(1, probe.getNanosToWaitForRefill()));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String pair(String name, InetAddress address) {
        return key(name) + "@" + (address == null ? "?" : address.getHostAddress());
    }

    private static <K> Cache<K, Bucket> expiring() {
        return Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(Duration.ofDays(1)).build();
    }
}
