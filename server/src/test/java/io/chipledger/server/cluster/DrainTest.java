package io.chipledger.server.cluster;

import static io.chipledger.server.testing.TestServer.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipledger.ledger.audit.AuditReport;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.GameNodes;
import io.chipledger.server.testing.TestServer;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An operator drains node-a from node-b's console while a hand plays at node-a's table: node-a deals no new hand,
 * lets the hand in play finish, hands the table over and stops; node-b takes the table with its seats. No hand is
 * voided, and the players are told where the table went.
 */
class DrainTest {

    @Test
    void aDrainedNodeFinishesTheHandInPlayHandsTheTableOverAndStopsWithNoHandVoided() throws Exception {
        try (TestServer a = TestServer.forThisTest().settings(node("node-a")).withAdmin().start()) {
            long table = a.openTable("Drained", 6);
            try (TestServer b = TestServer.forThisTest().settings(node("node-b")).onDatabase(a.jdbcUrl()).withAdmin().start();
                 AutoPlayer p1 = AutoPlayer.sitDown(a, "drain-1", table, 1, "50.00");
                 AutoPlayer p2 = AutoPlayer.sitDown(a, "drain-2", table, 2, "50.00")) {
                long inPlay = p1.awaitEvent(TableEvent.HandStarted.class, e -> true).handId();
                assertThat(b.server().ownership().owned()).as("node-a holds its one table; node-b its share of none").isEmpty();

                JsonNode answer = b.adminPost("/api/admin/node/drain", "{\"node\":\"node-a\",\"reason\":\"rolling restart\","
                        + "\"idempotencyKey\":\"" + TestServer.newKey() + "\"}");
                assertThat(answer.get("state").asText()).isEqualTo("DRAINING");
                p1.play(AutoPlayer.Policy.checkOrCall());
                p2.play(AutoPlayer.Policy.checkOrCall());

                p1.awaitEvent(TableEvent.HandEnded.class, e -> e.handId() == inPlay);
                ServerMessage moved = p1.await(m -> m instanceof ServerMessage.TableMoved t && t.tableId() == table);
                assertThat(moved).isNotNull();
                eventually("node-b takes the table over", () -> b.server().ownership().owned().equals(Set.of(table)));
                eventually("node-a stops", () -> b.server().nodes().all().stream()
                        .anyMatch(n -> n.name().equals("node-a") && n.state() == NodeState.STOPPED));
                assertThat(p1.events(TableEvent.HandVoided.class)).isEmpty();
                assertThat(b.count("SELECT count(*) FROM hand WHERE status = 'VOIDED'")).as("hands voided").isZero();
                assertThat(b.rows("SELECT status FROM hand WHERE id = " + inPlay)).containsExactly("SETTLED");
                assertThat(b.seat(table, "drain-1").plus(b.seat(table, "drain-2")).toString())
                        .as("both stacks still on their seats at node-b").isEqualTo("100.00");
                AuditReport audit = b.audit();
                assertThat(audit.clean()).as(audit.summary()).isTrue();
            }
        }
    }

    private static ServerSettings node(String name) throws Exception {
        return GameNodes.node(name, Duration.ofSeconds(4));
    }
}
