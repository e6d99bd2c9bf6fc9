package io.chipledger.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.ledger.audit.AuditReport;
import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.play.ServerProcess;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.GameNodes;
import io.chipledger.server.testing.TestServer;
import io.chipledger.server.tournament.director.TournamentLeases;
import io.chipledger.server.tournament.play.SitAndGoTables;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A sit-and-go among two game nodes on one database. node-a (a process of its own) runs it under the tournament's
 * lease; players register at either node (node-b passes their entries on to node-a), so it fills exactly once and a
 * single next one opens. node-a is killed in the middle of a hand: once the leases run out node-b takes the
 * tournament and its table over, the hand is voided, and the players finish it at node-b with every prize paid.
 */
class SitAndGoAcrossNodesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration TAKEOVER = Duration.ofSeconds(90);

    @Test
    void entriesAtEitherNodeFillTheSitAndGoOnceAndALiveNodeFinishesItWhenItsNodeIsKilled() throws Exception {
        String url;
        try (Database database = SharedPostgres.freshDatabase()) {
            url = database.jdbcUrl();
        }
        long sng;
        try (TestServer setup = TestServer.forThisTest().onDatabase(url).withAdmin().start()) {
            sng = SitAndGoTables.registering(setup, "Across nodes", 3, "2.00", "0.20", "65/35", 2);
        }
        int portA = GameNodes.freePort();
        ServerProcess a = ServerProcess.serve(url, "--node", "node-a", "--advertise", "http://127.0.0.1:" + portA,
                "--port", String.valueOf(portA), "--table-lease", "PT4S");
        List<AutoPlayer> atA = new ArrayList<>();
        try (TestServer b = TestServer.forThisTest().settings(node("node-b", GameNodes.freePort())).onDatabase(url).start()) {
            assertThat(b.server().tournaments().find(sng)).as("node-b leaves node-a's tournament to it").isEmpty();
            assertThat(b.rows("SELECT holder FROM lease WHERE name = '" + TournamentLeases.leaseName(sng) + "'"))
                    .containsExactly("node-a");

            // One registers at node-a, two at node-b, which passes their entries on to node-a.
            List<String> players = List.of("sng0", "sng1", "sng2");
            List<PokerClient> clients = new ArrayList<>();
            for (String player : players) {
                clients.add(PokerClient.connect(a.ws(), PokerClient.token(a.http(), player, player + "-password"), player));
            }
            assertThat(register(a.http(), "sng0", sng).statusCode()).isEqualTo(200);

            // sng2 registers through node-b and unregisters through node-b: node-a, which runs the tournament, gives
            // the buy-in and fee back once, under the tournament's fence; a second unregistration is refused.
            assertThat(entry(b.http(), "sng2", sng, "register", "first-try").statusCode()).isEqualTo(200);
            assertThat(b.wallet("sng2")).isEqualTo(Money.parse("997.80"));
            HttpResponse<String> out = entry(b.http(), "sng2", sng, "unregister", null);
            assertThat(out.statusCode()).as(out.body()).isEqualTo(200);
            assertThat(out.body()).contains("UNREGISTERED");
            HttpResponse<String> again = entry(b.http(), "sng2", sng, "unregister", null);
            assertThat(again.statusCode()).as("a second unregistration, " + again.body()).isEqualTo(409);
            assertThat(b.wallet("sng2")).as("refunded once").isEqualTo(Money.parse("1000.00"));
            String refunds = "SELECT p.fence_name || '@' || p.fence_epoch FROM posting p JOIN tournament_entry e"
                    + " ON p.idempotency_key = 'entry-refund:e' || e.id JOIN player pl ON pl.id = e.player_id"
                    + " WHERE e.tournament_id = " + sng + " AND pl.name = 'sng2'";
            String fence = TournamentLeases.leaseName(sng) + "@" + b.rows("SELECT epoch FROM lease WHERE name = '"
                    + TournamentLeases.leaseName(sng) + "'").get(0);
            assertThat(b.rows(refunds)).as("one refund, posted by node-a under the tournament's lease").containsExactly(fence);
            assertThat(b.rows("SELECT e.state FROM tournament_entry e JOIN player pl ON pl.id = e.player_id"
                    + " WHERE e.tournament_id = " + sng + " AND pl.name = 'sng2'")).containsExactly("UNREGISTERED");
            for (String player : List.of("sng1", "sng2")) {
                HttpResponse<String> answer = register(b.http(), player, sng);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            }
            HttpResponse<String> late = register(b.http(), "late", sng);
            assertThat(late.statusCode()).as("an entry after the start, " + late.body()).isEqualTo(409);
            assertThat(b.server().tournaments().find(sng)).as("node-b took no entry itself").isEmpty();
            assertThat(b.count("SELECT count(*) FROM tournament_entry WHERE tournament_id = " + sng + " AND state = 'REGISTERED'"))
                    .isEqualTo(3);
            String template = "(SELECT template_id FROM tournament WHERE id = " + sng + ")";
            await("the next sit-and-go of the template opens", () -> b.count("SELECT count(*) FROM tournament WHERE template_id = "
                    + template + " AND status = 'REGISTERING'") > 0);
            long table = SitAndGoTables.tableOf(b, sng);

            // Nobody acts: the first hand waits on its first player when node-a is killed.
            for (PokerClient client : clients) {
                AutoPlayer waiting = AutoPlayer.takeOver(client, table, -1).play(null);
                waiting.request(id -> new ClientMessage.Watch(id, table, null));
                atA.add(waiting);
            }
            String open = "SELECT count(*) FROM hand WHERE table_id = " + table + " AND status = 'OPEN'";
            await("a hand is dealt at node-a", () -> b.count(open) > 0);
            long interrupted = b.count("SELECT max(id) FROM hand WHERE table_id = " + table);
            a.kill();
            atA.forEach(AutoPlayer::close);

            await("node-b takes the tournament and its table over", () -> b.server().tournaments().find(sng).isPresent()
                    && b.server().ownership().owned().contains(table));
            assertThat(b.rows("SELECT status FROM hand WHERE id = " + interrupted)).as("the hand node-a had in play")
                    .containsExactly("VOIDED");
            List<AutoPlayer> atB = SitAndGoTables.sitDown(b, players, table,
                    i -> legal -> new AutoPlayer.Choice(legal.maxRaiseTo() != null ? ActionKind.ALL_IN
                            : legal.canCheck() ? ActionKind.CHECK : ActionKind.CALL, null));
            try {
                SitAndGoTables.awaitStatus(b, sng, "FINISHED");
            } finally {
                atB.forEach(AutoPlayer::close);
            }

            assertThat(SitAndGoTables.prizePool(b, sng)).isEqualTo(Money.ZERO);
            Money paid = Money.ZERO;
            for (String player : players) {
                // sng2 has two entries, the one it unregistered and the one that played: the prizes of both.
                Money prize = Money.parse(b.rows("SELECT coalesce(sum(prize), 0)::text FROM tournament_entry e JOIN player p"
                        + " ON p.id = e.player_id WHERE e.tournament_id = " + sng + " AND p.name = '" + player + "'").get(0));
                assertThat(b.wallet(player)).as(player).isEqualTo(Money.parse("997.80").plus(prize));
                paid = paid.plus(prize);
            }
            assertThat(paid).isEqualTo(Money.parse("6.00"));
            assertThat(b.count("SELECT count(*) FROM tournament WHERE template_id = " + template + " AND status = 'REGISTERING'"))
                    .as("one sit-and-go of the template registering").isEqualTo(1);
            AuditReport audit = b.audit();
            assertThat(audit.clean()).as(audit.summary()).isTrue();
        } finally {
            atA.forEach(AutoPlayer::close);
            a.kill();
        }
    }

    private static HttpResponse<String> register(String node, String player, long sng) throws Exception {
        return entry(node, player, sng, "register", "r-" + player);
    }

    /** {@code what}: register or unregister; {@code requestId} null for none. */
    private static HttpResponse<String> entry(String node, String player, long sng, String what, String requestId)
            throws Exception {
        String token = PokerClient.token(node, player, player + "-password");
        String body = "{\"tournamentId\":" + sng + (requestId == null ? "" : ",\"requestId\":\"" + requestId + "\"") + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(node + "/api/tournament/" + what)).timeout(TestServer.WAIT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TAKEOVER.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened within " + TAKEOVER.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }

    /** A node with leases of 4 s, as node-a's: a dead node's tournament is taken over a few seconds after its death. */
    private static ServerSettings node(String name, int port) {
        return GameNodes.node(name, port, Duration.ofSeconds(4), Duration.ofSeconds(1));
    }

}
