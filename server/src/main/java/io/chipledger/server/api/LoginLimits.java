package io.chipledger.server.api;

import java.time.Duration;

/**
 * How often logins and registrations may be tried, and welcome grants handed out.
 *
 * @param attemptsPerMinute logins and registrations one address may try a minute (a burst of as many)
 * @param failuresPerName   failed logins one account name absorbs before its logins are slowed to one per
 *                          {@code failureRefill}; an address the account logged in from before is not slowed, so an
 *                          attacker elsewhere cannot lock the real player out
 * @param failureRefill     how long until one more failure is allowed for a slowed name
 * @param grantsPerAddress  welcome grants one address receives per {@code grantPeriod}; accounts registered beyond it
 *                          start with an empty wallet
 * @param loopbackToo       whether loopback addresses are limited per address too (they are this machine: a reverse
 *                          proxy in front, the bots and bench tools, which must do their own limiting)
 */
public record LoginLimits(int attemptsPerMinute, int failuresPerName, Duration failureRefill, int grantsPerAddress,
                          Duration grantPeriod, boolean loopbackToo) {

    public LoginLimits {
        if (attemptsPerMinute < 1 || failuresPerName < 1 || grantsPerAddress < 0) {
            throw new IllegalArgumentException("login limits must be positive (grants may be 0)");
        }
        if (failureRefill.isNegative() || failureRefill.isZero() || grantPeriod.isNegative() || grantPeriod.isZero()) {
            throw new IllegalArgumentException("login limit periods must be positive");
        }
    }

    public static LoginLimits defaults() {
        return new LoginLimits(20, 10, Duration.ofSeconds(30), 3, Duration.ofDays(1), false);
    }

    public LoginLimits withLoopbackToo(boolean limited) {
        return new LoginLimits(attemptsPerMinute, failuresPerName, failureRefill, grantsPerAddress, grantPeriod, limited);
    }

    public LoginLimits withGrants(int perAddress, Duration period) {
        return new LoginLimits(attemptsPerMinute, failuresPerName, failureRefill, perAddress, period, loopbackToo);
    }
}
