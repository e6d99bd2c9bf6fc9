package io.chipledger.server.tournament.director;

import io.chipledger.ledger.Fence;
import io.chipledger.ledger.lease.ClaimRestraint;
import io.chipledger.ledger.lease.Lease;
import io.chipledger.ledger.lease.Leases;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which game node runs each sit-and-go when several share the database: the holder of the lease
 * {@code tournament:<id>} (the ledger's leases, told by the database's clock), from its registration to its end. Only
 * the holder registers players, deals and pays the tournament, and its postings carry the lease's fence, so a node
 * that lost a tournament (paused past its lease) moves none of its chips. {@link #ALONE}: a server alone on its
 * database holds every tournament, and fences nothing.
 */
public final class TournamentLeases {

    private static final Logger log = LoggerFactory.getLogger(TournamentLeases.class);

    public static final TournamentLeases ALONE = new TournamentLeases(null, null, null);

    private final Leases leases;
    private final String node;
    private final Duration ttl;
    private final Map<Long, Fence> held = new ConcurrentHashMap<>();
    private final ClaimRestraint restraint;

    /** Leases held by {@code node} for {@code ttl} (renewed by {@link TournamentDirector#keepLeases}). */
    public TournamentLeases(Leases leases, String node, Duration ttl) {
        this.leases = leases;
        this.node = node;
        this.ttl = ttl;
        this.restraint = ttl == null ? null : new ClaimRestraint("tournament leases", ttl);
    }

    public static String leaseName(long tournamentId) {
        return "tournament:" + tournamentId;
    }

    boolean alone() {
        return leases == null;
    }

    /** How often the leases are renewed: a quarter of their time to live. */
    public Duration renewEvery() {
        return ttl.dividedBy(4);
    }

    /** Claims the tournament for this node, or keeps it; false while another node holds it. Blocking. */
    boolean claim(long tournamentId) {
        if (alone()) {
            return true;
        }
        if (!mayClaimOthers()) {
            // For a lease time after this node's renewals were held up, another node's sit-and-go is left to it.
            Optional<Lease> lease = leases.find(leaseName(tournamentId));
            if (lease.isPresent() && !lease.get().holder().equals(node)) {
                return false;
            }
        }
        Optional<Fence> fence = leases.claim(leaseName(tournamentId), node, ttl);
        fence.ifPresent(f -> held.put(tournamentId, f));
        return fence.isPresent();
    }

    /** The fence the tournament's postings carry now; null for a server alone. */
    Fence fenceOf(long tournamentId) {
        return held.get(tournamentId);
    }

    /** Renews every lease held; returns the tournaments another node claimed meanwhile (this node lets them go). */
    Set<Long> renew() {
        if (alone()) {
            return Set.of();
        }
        if (held.isEmpty()) {
            return Set.of(); // nothing to renew; the director's next read tells whether the database is reached
        }
        long started = System.nanoTime();
        Set<Fence> kept;
        try {
            kept = leases.renew(node, held.values(), ttl);
        } catch (RuntimeException databaseAway) {
            restraint.failed();
            throw databaseAway;
        }
        restraint.gotThrough(started);
        Set<Long> lost = new HashSet<>();
        held.forEach((id, fence) -> {
            if (!kept.contains(fence)) {
                lost.add(id);
            }
        });
        lost.forEach(held::remove);
        return lost;
    }

    /** Whether this node may claim a sit-and-go another node held (not for a lease after held-up renewals). */
    boolean mayClaimOthers() {
        return alone() || restraint.mayClaimOthers();
    }

    /** A tick that began at {@code startedNanos} reached the database (with or without leases to renew). */
    void tickGotThrough(long startedNanos) {
        if (!alone()) {
            restraint.gotThrough(startedNanos);
        }
    }

    /** A tick (its renewal, or what followed) could not reach the database: the renewals count as held up. */
    void tickFailed() {
        if (!alone()) {
            restraint.failed();
        }
    }

    /** The tournament ended here, or could not be resumed here: its lease is given up, for another node to claim. */
    void release(long tournamentId) {
        Fence fence = held.remove(tournamentId);
        if (fence == null) {
            return;
        }
        try {
            leases.release(node, fence);
        } catch (RuntimeException databaseAway) {
            log.warn("lease {} not released; it runs out by itself: {}", fence, databaseAway.toString());
        }
    }

    /** Every lease held is given up (the node stops): other nodes take those tournaments over at once. */
    void releaseAll() {
        Set.copyOf(held.keySet()).forEach(this::release);
    }

    /** The node running the tournament now, if one holds its lease. Blocking. */
    public Optional<String> holder(long tournamentId) {
        if (alone()) {
            return Optional.empty();
        }
        return leases.find(leaseName(tournamentId)).filter(lease -> !lease.free()).map(Lease::holder);
    }
}
