package io.chipledger.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.PlaywrightException;
import io.chipledger.ledger.audit.AuditReport;
import io.chipledger.ledger.lease.LeaseMapper;
import io.chipledger.money.Money;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.cluster.NodeIdentity;
import io.chipledger.server.cluster.NodeSettings;
import io.chipledger.server.net.NetConfig;
import io.chipledger.server.play.ServerProcess;
import io.chipledger.server.table.TableFence;
import io.chipledger.server.testing.TestServer;
import java.net.ServerSocket;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.Test;

/**
 * Two people play at a table of one game node in Chromium when another node takes the table over, and each page
 * follows by itself: when the node says the table moved (it lost its lease), and when the node dies (its socket
 * drops; the page looks the table up until another node serves it). Each page finds its seat at the new node, under
 * the new epoch's numbering, and plays the next hand there. Every wait is on a state (a lease, a hand's status, a
 * page's data attribute), none on a fixed delay.
 */
class MovedTableInTheBrowserTest {

    /** Long enough for a takeover and a Chromium page at a load of 30. */
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @Test
    void bothPagesFollowTheirTableToTheNodeThatClaimedItWhenTheirNodeSaysItMoved() throws Exception {
        int portA = freePort();
        int portB = freePort();
        String page = "http://127.0.0.1:" + portA;
        try (TestServer a = TestServer.forThisTest().settings(node("node-a", portA, Set.of())).withBrowser().start();
             TestServer b = TestServer.forThisTest().settings(node("node-b", portB, Set.of(page))).onDatabase(a.jdbcUrl()).start()) {
            long tableId = a.openTable("Moving", 6);
            awaitPageSources(a, portB);
            BrowserPlayer pia = BrowserPlayer.signUp(a.chromium(), a.http(), "pia", 1280, 800);
            BrowserPlayer rex = BrowserPlayer.signUp(a.chromium(), a.http(), "rex", 1280, 800);
            try {
                List<BrowserPlayer> players = List.of(pia, rex);
                sitDown(players, tableId);
                long handAtA = awaitOpenHand(a, tableId);

                // As after node-a lost its lease (a pause): node-b claims the table. node-a finds out at its next
                // renewal (or its next write, refused FENCED), stops serving it and tells the pages it moved.
                long epoch = claimFor(a, tableId, "node-b");
                await("node-b serves the table", () -> b.server().ownership().owned().contains(tableId));
                awaitFollowed(players, epoch, portB);
                assertThat(a.rows("SELECT status FROM hand WHERE id = " + handAtA)).as("node-a's hand, voided by node-b")
                        .containsExactly("VOIDED");
                assertThat(a.server().ownership().owned()).as("node-a let the table go").doesNotContain(tableId);

                playAHandAndCompare(b, tableId, handAtA, pia, rex);
                for (BrowserPlayer player : players) {
                    assertThat(player.consoleErrors()).as(player.name + "'s page").isEmpty();
                }
            } finally {
                pia.close();
                rex.close();
            }
            AuditReport audit = b.audit();
            assertThat(audit.clean()).as(audit.summary()).isTrue();
        }
    }

    @Test
    void bothPagesFindTheirTableAtTheNodeThatTookItOverWhenItsNodeIsKilled() throws Exception {
        int portA = freePort();
        int portB = freePort();
        String page = "http://127.0.0.1:" + portA;
        try (TestServer a = TestServer.forThisTest().settings(node("node-a", portA, Set.of())).withBrowser().start()) {
            // node-b, a process of its own with short leases, opens the table; the pages come from node-a.
            ServerProcess b = ServerProcess.serve(a.jdbcUrl(), "--node", "node-b", "--advertise", "http://127.0.0.1:" + portB,
                    "--port", String.valueOf(portB), "--table-lease", "PT4S", "--allowed-origin", page, "--tables", "1");
            BrowserPlayer pia = null;
            BrowserPlayer rex = null;
            try {
                long tableId = a.count("SELECT id FROM poker_table WHERE status <> 'CLOSED'");
                awaitPageSources(a, portB);
                pia = BrowserPlayer.signUp(a.chromium(), a.http(), "pia", 1280, 800);
                rex = BrowserPlayer.signUp(a.chromium(), a.http(), "rex", 1280, 800);
                List<BrowserPlayer> players = List.of(pia, rex);
                sitDown(players, tableId);
                assertThat(a.server().ownership().owned()).as("the table is node-b's").doesNotContain(tableId);
                long handAtB = awaitOpenHand(a, tableId);

                // node-b dies with a hand in play: the pages' socket to it drops. Once its lease runs out node-a
                // claims the table, voids that hand and serves it; each page finds it there by looking it up.
                b.kill();
                await("node-a takes the dead node's table over", () -> a.server().ownership().owned().contains(tableId));
                long epoch = a.count("SELECT epoch FROM lease WHERE name = '" + TableFence.leaseName(tableId) + "'");
                awaitFollowed(players, epoch, portA);
                assertThat(a.rows("SELECT status FROM hand WHERE id = " + handAtB)).as("node-b's hand, voided by node-a")
                        .containsExactly("VOIDED");

                playAHandAndCompare(a, tableId, handAtB, pia, rex);
                for (BrowserPlayer player : players) {
                    // Chromium logs the page's tries to reach the dead node, and the lookups answered 503 while no
                    // node served the table; nothing else may be logged.
                    assertThat(player.consoleErrors()).as(player.name + "'s page").allMatch(error ->
                            error.contains("127.0.0.1:" + portB) || error.contains("503 (Service Unavailable)"));
                }
            } finally {
                if (pia != null) {
                    pia.close();
                }
                if (rex != null) {
                    rex.close();
                }
                b.kill();
            }
            AuditReport audit = a.audit();
            assertThat(audit.clean()).as(audit.summary()).isTrue();
        }
    }

    /** Each page opens the table (wherever it is served, the page finds it) and buys in for 50.00. */
    private static void sitDown(List<BrowserPlayer> players, long tableId) {
        for (BrowserPlayer player : players) {
            player.goTo("#/table/" + tableId + "/sit");
            player.buyIn("50");
        }
    }

    /** Waits until the node's pages may connect to node-b's origin (known at node-a's heartbeat after node-b joined). */
    private static void awaitPageSources(TestServer node, int portB) throws InterruptedException {
        await("node-a's pages may reach node-b", () -> node.server().nodes().pageSources().contains("ws://127.0.0.1:" + portB));
    }

    private static long awaitOpenHand(TestServer any, long tableId) throws InterruptedException {
        String open = "SELECT count(*) FROM hand WHERE table_id = " + tableId + " AND status = 'OPEN'";
        await("a hand is dealt", () -> any.count(open) > 0);
        return any.count("SELECT max(id) FROM hand WHERE table_id = " + tableId);
    }

    /** Each page shows the table as the new owner numbers its events (from {@code epoch << 32}), with its seat. */
    private static void awaitFollowed(List<BrowserPlayer> players, long epoch, int newPort) {
        for (BrowserPlayer player : players) {
            try {
                player.page.waitForFunction("min => Number(document.getElementById('table').dataset.seq) >= min",
                        (double) (epoch << 32), new com.microsoft.playwright.Page.WaitForFunctionOptions()
                                .setTimeout(PATIENCE.toMillis()));
                player.page.locator(".seat[data-player='" + player.name + "']").waitFor();
            } catch (PlaywrightException notFollowed) {
                throw new AssertionError(player.name + "'s page did not follow the table to port " + newPort + ": seq "
                        + player.page.locator("#table").getAttribute("data-seq") + ", connections "
                        + player.connectionStates() + ", watches sent " + player.sent("watch").size() + ", console "
                        + player.consoleErrors(), notFollowed);
            }
        }
    }

    /**
     * The pages play (check or call at each turn) until the node settles a hand after {@code after}; then, at a turn
     * of pia's (nothing moves until she acts), both pages show both stacks as the node's ledger holds them.
     */
    private static void playAHandAndCompare(TestServer node, long tableId, long after, BrowserPlayer pia, BrowserPlayer rex)
            throws InterruptedException {
        String settled = "SELECT count(*) FROM hand WHERE table_id = " + tableId + " AND id > " + after + " AND status = 'SETTLED'";
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (node.count(settled) == 0 || !pia.isMyTurn()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no hand settled at the new node, or no turn of pia's after it: hands "
                        + node.rows("SELECT id || ':' || status FROM hand WHERE table_id = " + tableId));
            }
            actIfTheirTurn(rex);
            if (node.count(settled) == 0) {
                actIfTheirTurn(pia);
            }
            Thread.sleep(50);
        }
        rex.page.waitForFunction("seq => document.getElementById('table').dataset.seq === seq", String.valueOf(pia.seq()));
        for (BrowserPlayer viewer : List.of(pia, rex)) {
            assertThat(viewer.stack(pia.mySeat())).as(viewer.name + " shows pia's stack").isEqualTo(node.seat(tableId, "pia"));
            assertThat(viewer.stack(rex.mySeat())).as(viewer.name + " shows rex's stack").isEqualTo(node.seat(tableId, "rex"));
        }
        assertThat(node.chipsOnTable(tableId)).as("every chip still at the table").isEqualTo(Money.parse("100.00"));
    }

    /** Checks or calls when it is the player's turn; a turn that ended meanwhile (timed out) is left to the loop. */
    private static void actIfTheirTurn(BrowserPlayer player) {
        if (!player.isMyTurn()) {
            return;
        }
        try {
            player.page.locator(player.canCheck() ? "#act-check" : "#act-call")
                    .click(new Locator.ClickOptions().setTimeout(5_000));
        } catch (PlaywrightException turnGone) {
            // the turn ended before the click (the page's bar is no longer live): the loop looks again
        }
    }

    /** As after the holder's lease ran out: the lease expires and {@code holder} claims it, in one transaction. */
    private static long claimFor(TestServer server, long tableId, String holder) throws Exception {
        String name = TableFence.leaseName(tableId);
        try (SqlSession session = server.server().database().sqlSessionFactory().openSession(false)) {
            try (Statement expire = session.getConnection().createStatement()) {
                expire.execute("UPDATE lease SET expires_at = clock_timestamp() - interval '1 second' WHERE name = '" + name + "'");
            }
            session.getMapper(LeaseMapper.class).claim(name, holder, Duration.ofSeconds(60).toMillis());
            session.commit();
        }
        return server.count("SELECT epoch FROM lease WHERE name = '" + name + "'");
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened within " + PATIENCE.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }

    /**
     * A node with leases of 8 s (renewed every 2 s): only the test, or a node's death, moves the table. At the test's
     * end it voids the hand in play after a second instead of waiting for it to end.
     */
    private static ServerSettings node(String name, int port, Set<String> origins) {
        NetConfig net = NetConfig.defaults();
        return ServerSettings.forTests().withPort("127.0.0.1", port)
                .withNet(new NetConfig(origins, net.maxFrameBytes(), net.idleSeconds(), net.messagesPerSecond(),
                        net.messageBurst(), null, null, net.limits()))
                .withNode(new NodeSettings(NodeIdentity.of(name, "http://127.0.0.1:" + port), Duration.ofSeconds(8),
                        Duration.ofSeconds(1)));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
