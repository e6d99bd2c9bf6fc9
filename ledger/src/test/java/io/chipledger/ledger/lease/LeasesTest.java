package io.chipledger.ledger.lease;

import io.chipledger.ledger.Fence;
import io.chipledger.ledger.FencedException;
import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.testing.SharedPostgres;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Leases told by the database's clock: a lease that has run out is made with a time to live of zero. */
class LeasesTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration RUN_OUT = Duration.ZERO;

    private Database database;
    private Leases leases;

    @BeforeEach
    void start() {
        database = SharedPostgres.freshDatabase();
        leases = new Leases(database.sqlSessionFactory());
    }

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void aNewLeaseStartsAtEpochOne() {
        assertThat(leases.claim("table:1", "node-a", MINUTE)).contains(new Fence("table:1", 1));
        assertThat(leases.find("table:1")).get().satisfies(lease -> {
            assertThat(lease.holder()).isEqualTo("node-a");
            assertThat(lease.free()).isFalse();
        });
    }

    @Test
    void aLeaseHeldByAnotherCannotBeClaimed() {
        leases.claim("table:1", "node-a", MINUTE);

        assertThat(leases.claim("table:1", "node-b", MINUTE)).isEmpty();
        assertThat(leases.find("table:1").orElseThrow().holder()).isEqualTo("node-a");
    }

    @Test
    void aLeaseThatRanOutGoesToTheNextClaimantAtTheNextEpoch() {
        leases.claim("table:1", "node-a", RUN_OUT);

        assertThat(leases.find("table:1").orElseThrow().free()).isTrue();
        assertThat(leases.claim("table:1", "node-b", MINUTE)).contains(new Fence("table:1", 2));
    }

    @Test
    void aReleasedLeaseMayBeClaimedAtOnce() {
        Fence held = leases.claim("table:1", "node-a", MINUTE).orElseThrow();

        assertThat(leases.release("node-a", held)).isTrue();

        assertThat(leases.claim("table:1", "node-b", MINUTE)).contains(new Fence("table:1", 2));
        assertThat(leases.release("node-a", held)).as("no longer held: nothing to release").isFalse();
    }

    @Test
    void theHolderRenewsWhatItStillHoldsAndLearnsWhatItLost() {
        Fence kept = leases.claim("table:1", "node-a", MINUTE).orElseThrow();
        Fence lost = leases.claim("table:2", "node-a", RUN_OUT).orElseThrow();
        leases.claim("table:2", "node-b", MINUTE);

        Set<Fence> renewed = leases.renew("node-a", List.of(kept, lost), MINUTE);

        assertThat(renewed).containsExactly(kept);
        assertThat(leases.find("table:2").orElseThrow().holder()).isEqualTo("node-b");
    }

    @Test
    void aLeaseThatRanOutWhileNobodyClaimedItIsRenewedByItsHolderAtTheSameEpoch() {
        // The database was away longer than the time to live: the holder, which lived through the same outage, keeps
        // its tables if it renews before anyone claims them.
        Fence held = leases.claim("table:1", "node-a", RUN_OUT).orElseThrow();

        assertThat(leases.renew("node-a", List.of(held), MINUTE)).containsExactly(held);
        assertThat(leases.claim("table:1", "node-b", MINUTE)).isEmpty();
    }

    @Test
    void aProcessTakingTheNameOfOneThatDiedTakesItsLeasesOverAtANewEpoch() {
        Fence before = leases.claim("table:1", "node-a", MINUTE).orElseThrow();

        Optional<Fence> after = leases.claim("table:1", "node-a", MINUTE);

        assertThat(after).contains(new Fence("table:1", before.epoch() + 1));
        assertThat(leases.renew("node-a", List.of(before), MINUTE)).as("the old incarnation's fence").isEmpty();
    }

    @Test
    void everyClaimIsKeptInTheClaimHistory() throws SQLException {
        leases.claim("table:1", "node-a", RUN_OUT);
        leases.claim("table:1", "node-b", RUN_OUT);
        leases.claim("table:1", "node-c", MINUTE);

        assertThat(claimHistory("table:1")).containsExactly("1 node-a", "2 node-b", "3 node-c");
    }

    @Test
    void theFenceGuardPassesTheStandingEpochAndRefusesAnOlderOne() {
        Fence old = leases.claim("table:1", "node-a", RUN_OUT).orElseThrow();
        Fence current = leases.claim("table:1", "node-b", MINUTE).orElseThrow();

        try (SqlSession transaction = database.sqlSessionFactory().openSession(false)) {
            FenceGuard.check(transaction, current);
            assertThatThrownBy(() -> FenceGuard.check(transaction, old)).isInstanceOf(FencedException.class)
                    .hasMessageContaining("stands at epoch 2, not 1");
            assertThatThrownBy(() -> FenceGuard.check(transaction, new Fence("table:9", 1)))
                    .isInstanceOf(FencedException.class).hasMessageContaining("does not exist");
        }
    }

    private List<String> claimHistory(String name) throws SQLException {
        List<String> claims = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT epoch, holder FROM lease_claim WHERE name = '" + name
                     + "' ORDER BY epoch")) {
            while (r.next()) {
                claims.add(r.getLong(1) + " " + r.getString(2));
            }
        }
        return claims;
    }
}
