package io.chipledger.ledger.lease;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a node whose own lease renewals were held up from claiming its neighbours' leases the moment it gets through
 * again. After an outage of the database longer than a lease, every lease has run out; the first node whose tick
 * gets through would otherwise find its neighbours' tables and sit-and-gos free and take them all, moving them for
 * nothing (their nodes are alive, only a tick behind). A node whose renewal failed, or came back later than its lease
 * allowed (its tick ran more than a lease after the last one that got through: a database that stalled, a process
 * paused), renews its own leases as usual (a lease that ran out is renewed if nobody claimed it meanwhile, see
 * {@code Leases}), and for one lease time after it gets through claims no lease another node holds, giving the
 * others the time to renew theirs. A node that really died renews nothing in that time and loses its leases to the
 * others afterwards, as before. Leases nobody holds (a new table, a new sit-and-go) may be claimed meanwhile.
 */
public final class ClaimRestraint {

    private static final Logger log = LoggerFactory.getLogger(ClaimRestraint.class);

    private final String what;
    private final Duration ttl;
    /** When the last tick that got through started; 0 before the first. */
    private long lastThroughNanos;
    private boolean heldUp;
    private boolean quiet;
    private long quietUntilNanos;

    /** @param what whose leases, for the log ("table leases") */
    public ClaimRestraint(String what, Duration ttl) {
        this.what = what;
        this.ttl = ttl;
    }

    /** A tick could not reach the database (its renewal, or anything after it): the renewals are held up. */
    public synchronized void failed() {
        heldUp = true;
    }

    /** The renewal of a tick that began at {@code startedNanos} ({@link System#nanoTime()}) got through. */
    public synchronized void gotThrough(long startedNanos) {
        long now = System.nanoTime();
        boolean late = lastThroughNanos != 0 && now - lastThroughNanos > ttl.toNanos();
        if (heldUp || late) {
            quiet = true;
            quietUntilNanos = now + ttl.toNanos();
            log.warn("{}: renewals were held up ({}); no other node's lease is claimed for {} ms, so they renew theirs",
                    what, heldUp ? "the database could not be reached" : "the last renewal that got through was "
                            + Duration.ofNanos(now - lastThroughNanos).toMillis() + " ms ago", ttl.toMillis());
            heldUp = false;
        }
        lastThroughNanos = startedNanos;
    }

    /** Whether this node may claim a lease another node held: not for one lease time after held-up renewals. */
    public synchronized boolean mayClaimOthers() {
        if (quiet && System.nanoTime() - quietUntilNanos >= 0) {
            quiet = false;
            log.info("{}: the other nodes had a lease time to renew theirs; leases that ran out may be claimed again", what);
        }
        return !quiet;
    }
}
