package io.chipledger.server.cluster;

import static io.chipledger.server.testing.TestServer.WAIT;
import static io.chipledger.server.testing.TestServer.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipledger.ledger.audit.AuditReport;
import io.chipledger.ledger.lease.LeaseMapper;
import io.chipledger.money.Money;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.protocol.TableView;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.table.TableFence;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.GameNodes;
import io.chipledger.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.sql.Statement;
import java.time.Duration;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.Test;

/**
 * Two game nodes on one database. node-a serves two tables, a hand in play at each; node-b takes one of them over as
 * after node-a lost its lease. Only that table's hand is voided (under node-b's epoch); the neighbour's live hand plays
 * on at node-a to its settlement; node-a moves no chip at the table it lost and tells its players where the table went;
 * a player looks the table up, watches it at node-b and finds their seat and stack there.
 */
class TableTakeoverTest {

    @Test
    void takingOneTableOverVoidsOnlyItsHandAndTheNeighboursLiveHandPlaysOn() throws Exception {
        try (TestServer a = TestServer.forThisTest().settings(node("node-a", GameNodes.freePort())).withAdmin().start()) {
            long left = a.openTable("Left", 6);
            long right = a.openTable("Right", 6);
            assertThat(a.server().ownership().owned()).containsExactlyInAnyOrder(left, right);
            try (AutoPlayer l1 = AutoPlayer.sitDown(a, "left-1", left, 1, "50.00");
                 AutoPlayer l2 = AutoPlayer.sitDown(a, "left-2", left, 2, "50.00");
                 AutoPlayer r1 = AutoPlayer.sitDown(a, "right-1", right, 1, "50.00");
                 AutoPlayer r2 = AutoPlayer.sitDown(a, "right-2", right, 2, "50.00")) {
                long leftHand = l1.awaitEvent(TableEvent.HandStarted.class, e -> true).handId();
                long rightHand = r1.awaitEvent(TableEvent.HandStarted.class, e -> true).handId();
                r1.awaitEvent(TableEvent.BlindPosted.class, e -> e.seat() == 2);
                long staleEpoch = epochOf(a, right);

                handToNodeB(a, right);
                int portB = GameNodes.freePort();
                try (TestServer b = TestServer.forThisTest().settings(node("node-b", portB)).onDatabase(a.jdbcUrl()).start()) {
                    assertThat(b.server().ownership().owned()).containsExactly(right);
                    assertThat(a.rows("SELECT status FROM hand WHERE id = " + rightHand)).as("the taken table's hand")
                            .containsExactly("VOIDED");
                    assertThat(a.rows("SELECT status FROM hand WHERE id = " + leftHand)).as("the neighbour's live hand")
                            .containsExactly("OPEN");
                    assertThat(a.seat(right, "right-1")).isEqualTo(Money.parse("50.00"));
                    assertThat(a.seat(right, "right-2")).isEqualTo(Money.parse("50.00"));

                    // node-a plays on where it still serves, and stops where it does not.
                    l1.play(AutoPlayer.Policy.checkOrCall());
                    l2.play(AutoPlayer.Policy.checkOrCall());
                    r1.play(AutoPlayer.Policy.checkOrCall());
                    r2.play(AutoPlayer.Policy.checkOrCall());
                    l1.awaitEvent(TableEvent.HandEnded.class, e -> e.handId() == leftHand);
                    assertThat(a.rows("SELECT status FROM hand WHERE id = " + leftHand)).containsExactly("SETTLED");
                    ServerMessage moved = r1.await(m -> m instanceof ServerMessage.TableMoved t && t.tableId() == right);
                    assertThat(moved).isNotNull();
                    eventually("node-a forgets the table it lost", () -> a.server().ownership().owned().equals(java.util.Set.of(left)));
                    assertThat(a.server().tables().find(right)).isEmpty();
                    assertThat(a.count("SELECT count(*) FROM posting p JOIN lease_claim c ON c.name = p.fence_name"
                            + " AND c.epoch > p.fence_epoch WHERE p.created_at > c.claimed_at")).as("postings under a stale epoch").isZero();
                    assertThat(a.count("SELECT count(*) FROM posting WHERE fence_name = '" + TableFence.leaseName(right)
                            + "' AND fence_epoch = " + staleEpoch + " AND hand_ref = 'h" + rightHand + "' AND kind = 'REFUND'"))
                            .as("node-a voided nothing at the table it lost").isZero();

                    // The player looks the table up (any node answers) and watches it at its new owner.
                    HttpResponse<String> route = a.get("/api/route?table=" + right, null);
                    assertThat(route.statusCode()).isEqualTo(200);
                    JsonNode where = TestServer.json(route);
                    assertThat(where.get("node").asText()).isEqualTo("node-b");
                    assertThat(where.get("url").asText()).isEqualTo("http://127.0.0.1:" + portB);
                    assertThat(a.get("/api/route?table=987654", null).statusCode()).isEqualTo(404);
                    try (PokerClient back = PokerClient.connect(b.ws(), b.token("right-1"), "back")) {
                        back.send(r -> new ClientMessage.Watch(r, right, 3L));
                        TableView view = ((ServerMessage.Snapshot) back.await(m -> m instanceof ServerMessage.Snapshot, WAIT)).table();
                        assertThat(view.seats()).filteredOn(s -> s.seat() == 1).singleElement()
                                .satisfies(s -> assertThat(s.player()).isEqualTo("right-1"));
                    }
                    JsonNode nodes = a.adminGet("/api/admin/nodes").get("nodes");
                    assertThat(nodes.findValuesAsText("tablesOwned")).containsExactly("1", "1");
                }
            }
            AuditReport audit = a.audit();
            assertThat(audit.clean()).as(audit.summary()).isTrue();
        }
    }

    /** As after node-a's lease ran out: the lease expires and node-b claims it, in one transaction. */
    private static void handToNodeB(TestServer server, long tableId) throws Exception {
        String name = TableFence.leaseName(tableId);
        try (SqlSession session = server.server().database().sqlSessionFactory().openSession(false)) {
            try (Statement expire = session.getConnection().createStatement()) {
                expire.execute("UPDATE lease SET expires_at = clock_timestamp() - interval '1 second' WHERE name = '" + name + "'");
            }
            session.getMapper(LeaseMapper.class).claim(name, "node-b", Duration.ofSeconds(5).toMillis());
            session.commit();
        }
    }

    private static long epochOf(TestServer server, long tableId) {
        return server.count("SELECT epoch FROM lease WHERE name = '" + TableFence.leaseName(tableId) + "'");
    }

    /**
     * A node with long leases: node-a renews every 15 s, so only the test moves a table. Its drain at the end waits 1 s,
     * not a minute, for the hand its departed players leave in play (voided then, as the audit at the end checks).
     */
    private static ServerSettings node(String name, int port) {
        return GameNodes.node(name, port, Duration.ofSeconds(60), Duration.ofSeconds(1));
    }

}
