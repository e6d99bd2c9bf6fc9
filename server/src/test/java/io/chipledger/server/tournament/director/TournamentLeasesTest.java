package io.chipledger.server.tournament.director;

import static io.chipledger.server.testing.TestServer.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.ledger.Fence;
import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.lease.Leases;
import io.chipledger.ledger.testing.SharedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The sit-and-go side of "the first node back claims everyone's": node-a's renewal comes back later than its lease
 * allowed (its tick ran more than a lease after the last one that got through, as after an outage of the database or
 * a pause of the process), when node-b's sit-and-go's lease has run out too. node-a renews its own (nobody claimed it)
 * and leaves node-b's to it for a lease time, so node-b, a moment behind, renews its own; once node-b really stops
 * renewing, node-a takes its sit-and-go over as before. node-b is played by the test through the same leases.
 */
class TournamentLeasesTest {

    private static final Duration TTL = Duration.ofSeconds(2);

    @Test
    void aNodeWhoseRenewalCameBackLateRenewsItsOwnAndLeavesItsNeighboursSitAndGoForALease() throws Exception {
        try (Database database = SharedPostgres.freshDatabase()) {
            Leases leases = new Leases(database.sqlSessionFactory());
            TournamentLeases nodeA = new TournamentLeases(leases, "node-a", TTL);
            assertThat(nodeA.claim(1)).isTrue();
            Fence theirs = leases.claim(TournamentLeases.leaseName(2), "node-b", TTL).orElseThrow();
            assertThat(nodeA.renew()).as("a renewal that got through in time").isEmpty();

            // Neither node renews for longer than a lease: both leases run out, nobody claims them.
            eventually("both leases ran out a lease ago", () -> leases.all().stream()
                    .allMatch(lease -> lease.free() && lease.expiresAt().plus(TTL).isBefore(Instant.now())));

            assertThat(nodeA.renew()).as("its own lease, renewed after it ran out: nobody claimed it").isEmpty();
            assertThat(nodeA.fenceOf(1)).isEqualTo(new Fence(TournamentLeases.leaseName(1), 1));
            assertThat(nodeA.claim(2)).as("node-b's sit-and-go, left to node-b for a lease").isFalse();
            assertThat(leases.find(TournamentLeases.leaseName(2)).orElseThrow().fence()).isEqualTo(theirs);

            // node-b gets through and renews its own.
            assertThat(leases.renew("node-b", List.of(theirs), TTL)).isEqualTo(Set.of(theirs));
            eventually("node-b keeps its sit-and-go past node-a's lease time of restraint", () -> {
                leases.renew("node-b", List.of(theirs), TTL);
                nodeA.renew();
                return !nodeA.claim(2) && restraintOver(nodeA);
            });

            // node-b dies for real: node-a takes its sit-and-go over once the lease runs out, as before.
            eventually("node-a claims the dead node's sit-and-go", () -> {
                nodeA.renew();
                return nodeA.claim(2);
            });
            assertThat(nodeA.fenceOf(2)).isEqualTo(new Fence(TournamentLeases.leaseName(2), theirs.epoch() + 1));
        }
    }

    /** The lease time of restraint is over once a claim of another node's lease would be tried again. */
    private static boolean restraintOver(TournamentLeases node) {
        return node.mayClaimOthers();
    }
}
