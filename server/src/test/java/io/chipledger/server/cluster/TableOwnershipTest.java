package io.chipledger.server.cluster;

import static io.chipledger.server.testing.TestServer.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.ledger.db.LedgerSchema;
import io.chipledger.ledger.testing.CuttingProxy;
import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.testing.GameNodes;
import io.chipledger.server.testing.TestServer;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a game node spreads tables: what it hands over, and to whom. */
class TableOwnershipTest {

    /**
     * The harness's SIGKILL of node-b moved a table of node-c too: for the ten seconds a killed node still counts as
     * running, the others held more than their share and handed a table over to nobody, taking it back half a lease
     * later under a new epoch.
     */
    @Test
    void aNodeHandsNoTableOverWhileTheOnlyNodeWithRoomHasStoppedHeartbeating() throws Exception {
        try (TestServer a = TestServer.forThisTest().settings(node("node-a")).start()) {
            a.openTable("Kept 1", 6);
            a.openTable("Kept 2", 6);
            List<String> before = leases(a);
            assertThat(before).hasSize(2).allMatch(lease -> lease.contains("|node-a|"));
            String since = a.rows("SELECT now()").get(0);

            // node-b died eight seconds ago: still RUNNING (silent only after ten), holding none of its share of one.
            a.execute("INSERT INTO game_node (name, advertise_url, state, started_at, last_heartbeat) VALUES "
                    + "('node-b', 'http://127.0.0.1:1', 'RUNNING', now() - interval '1 minute', now() - interval '8 seconds')");
            eventually("node-a heartbeats and renews for five seconds (a tick each second)", () -> {
                a.execute("UPDATE game_node SET last_heartbeat = now() - interval '8 seconds' WHERE name = 'node-b'");
                return a.count("SELECT count(*) FROM game_node WHERE name = 'node-a' AND last_heartbeat > '"
                        + since + "'::timestamptz + interval '5 seconds'") == 1;
            });

            assertThat(leases(a)).as("both tables still at node-a under their first epoch").isEqualTo(before);
            assertThat(a.server().ownership().owned()).hasSize(2);
        }
    }

    /**
     * After an outage of the database longer than a lease, every lease had run out, and the first node whose tick got
     * through claimed its neighbours' tables (their leases free, and expired long enough to count as orphaned).
     * node-a, whose renewals were held up, renews its own lease (nobody claimed it) and leaves node-b's table alone
     * for a lease time after it gets through, so node-b, back a moment later, renews its own; once node-b really
     * stops renewing, node-a takes its table over as before. node-b is played by the test, writing its heartbeat and
     * renewal as a node would.
     */
    @Test
    void aNodeBackFromAnOutageRenewsItsOwnLeasesAndLeavesItsNeighboursForALease() throws Exception {
        String name = SharedPostgres.emptyDatabase();
        URI shared = URI.create(SharedPostgres.jdbcUrl(name).substring("jdbc:".length()));
        Duration ttl = Duration.ofSeconds(6);
        try (CuttingProxy proxy = new CuttingProxy(shared.getHost(), shared.getPort());
             TestServer a = TestServer.forThisTest().settings(node("node-a", ttl))
                     .onDatabase("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + name).start()) {
            Sql db = new Sql(SharedPostgres.jdbcUrl(name));
            long mine = a.openTable("Mine", 6);
            long theirs = a.openTable("Theirs", 6);
            // node-b, alive, claims "Theirs" (a new epoch); node-a learns it at its next renewal and stops serving it.
            db.execute("INSERT INTO game_node (name, advertise_url, state, started_at, last_heartbeat) VALUES "
                    + "('node-b', 'http://127.0.0.1:1', 'RUNNING', now(), now())");
            db.execute("UPDATE lease SET holder = 'node-b', epoch = epoch + 1, claimed_at = clock_timestamp(), "
                    + "expires_at = clock_timestamp() + interval '6 seconds' WHERE name = 'table:" + theirs + "'");
            db.execute("INSERT INTO lease_claim (name, epoch, holder, claimed_at) SELECT name, epoch, holder, claimed_at "
                    + "FROM lease WHERE name = 'table:" + theirs + "'");
            String theirLease = db.one("SELECT holder || '@' || epoch FROM lease WHERE name = 'table:" + theirs + "'");
            eventually("node-a stops serving node-b's table", () -> {
                nodeBRenews(db, theirs);
                return a.server().ownership().owned().equals(Set.of(mine));
            });
            String myLease = db.one("SELECT holder || '@' || epoch FROM lease WHERE name = 'table:" + mine + "'");

            // The database goes away for longer than a lease and a half: every lease runs out, node-b's too.
            proxy.goDown();
            String downAt = db.one("SELECT clock_timestamp()");
            eventually("a lease and a half of outage", () -> db.one("SELECT clock_timestamp() > '" + downAt
                    + "'::timestamptz + interval '10 seconds'").equals("t"));
            assertThat(db.one("SELECT count(*) FROM lease WHERE expires_at > clock_timestamp()")).isEqualTo("0");
            proxy.comeBack();
            String upAt = db.one("SELECT clock_timestamp()");

            // node-a gets through first: it renews its own lease twice (two ticks) while node-b is not back yet.
            String renewed = expiry(db, mine, upAt);
            expiry(db, mine, renewed);
            assertThat(db.one("SELECT holder || '@' || epoch FROM lease WHERE name = 'table:" + mine + "'"))
                    .as("its own lease renewed under the same epoch").isEqualTo(myLease);
            assertThat(db.one("SELECT holder || '@' || epoch FROM lease WHERE name = 'table:" + theirs + "'"))
                    .as("node-b's table, free since the outage, not claimed by node-a").isEqualTo(theirLease);

            // node-b comes back and renews its own; node-a leaves it there, past its lease time of restraint too.
            String backAt = db.one("SELECT clock_timestamp()");
            eventually("two leases after node-b came back", () -> {
                nodeBRenews(db, theirs);
                return db.one("SELECT clock_timestamp() > '" + backAt + "'::timestamptz + interval '12 seconds'")
                        .equals("t");
            });
            assertThat(db.one("SELECT holder || '@' || epoch FROM lease WHERE name = 'table:" + theirs + "'"))
                    .isEqualTo(theirLease);
            assertThat(a.server().ownership().owned()).containsExactly(mine);

            // node-b dies for real: node-a takes its table over once its lease runs out, as before.
            eventually("node-a takes the dead node's table", () -> a.server().ownership().owned().contains(theirs));
            assertThat(db.one("SELECT holder FROM lease WHERE name = 'table:" + theirs + "'")).isEqualTo("node-a");
        }
    }

    /** node-b heartbeats and renews its lease, as a live node does (also after it ran out, if nobody claimed it). */
    private static void nodeBRenews(Sql db, long table) {
        try {
            Thread.sleep(200); // as often as a node's ticks, not as often as the test polls
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        db.execute("UPDATE game_node SET last_heartbeat = now() WHERE name = 'node-b'");
        db.execute("UPDATE lease SET expires_at = clock_timestamp() + interval '6 seconds' WHERE name = 'table:" + table
                + "' AND holder = 'node-b'");
    }

    /** Waits until node-a renewed the lease of {@code table} to expire after {@code after}; the new expiry. */
    private static String expiry(Sql db, long table, String after) throws InterruptedException {
        eventually("node-a renews its lease", () -> db.one("SELECT expires_at > '" + after + "'::timestamptz FROM lease "
                + "WHERE name = 'table:" + table + "'").equals("t"));
        return db.one("SELECT expires_at FROM lease WHERE name = 'table:" + table + "'");
    }

    /** The test's own connections to the database, not through node-a's proxy. */
    private record Sql(String url) {
        Connection connect() throws SQLException {
            Connection c = DriverManager.getConnection(url, "postgres", null);
            c.setSchema(LedgerSchema.NAME);
            return c;
        }

        void execute(String sql) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }

        String one(String sql) {
            try (Connection c = connect(); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery(sql)) {
                rows.next();
                return rows.getString(1);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }
    }

    private static List<String> leases(TestServer server) {
        return server.rows("SELECT name, holder, epoch FROM lease WHERE name LIKE 'table:%' ORDER BY name");
    }

    private static ServerSettings node(String name) throws Exception {
        return node(name, Duration.ofSeconds(4));
    }

    private static ServerSettings node(String name, Duration ttl) {
        return GameNodes.node(name, ttl);
    }
}
