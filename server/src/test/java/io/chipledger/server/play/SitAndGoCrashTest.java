package io.chipledger.server.play;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.ledger.audit.AuditReport;
import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.money.Money;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.TestServer;
import io.chipledger.server.tournament.play.SitAndGoTables;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A sit-and-go survives a crash: the server process is killed (SIGKILL) while a hand waits on a player, and started
 * again on the same database. The hand is voided, the tournament's table opens again with every player's chips as they
 * were at that hand's start (every chip of the tournament still there) and the button where the interrupted hand had
 * it, and the bots play it to a finish: the prize pool goes exactly into the winners' wallets and the ledger audit is
 * clean.
 */
class SitAndGoCrashTest {

    private static final int SEATS = 6;
    private static final int HERO = 0;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aSitAndGoKilledMidHandResumesFromTheChipsOfThatHandsStartAndPlaysToAFinish() throws Exception {
        String url;
        try (Database database = SharedPostgres.freshDatabase()) {
            url = database.jdbcUrl();
        }
        long sng;
        try (TestServer setup = TestServer.forThisTest().onDatabase(url).withAdmin().start()) {
            sng = SitAndGoTables.registering(setup, "Crash turbo", SEATS, "5.00", "0.50", "65/35", 3);
        }
        List<String> players = IntStream.range(0, SEATS).mapToObj(i -> "crash" + i).toList();

        ServerProcess first = ServerProcess.serve(url);
        long table;
        long interruptedHand;
        int interruptedButton;
        try {
            for (String player : players) { // registration order is seat order: crash0 (hero) sits in seat 0
                HttpResponse<String> answer = send(first, "/api/tournament/register", token(first, player),
                        "{\"tournamentId\":" + sng + ",\"requestId\":\"r\"}");
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            }
            table = tableOf(first, sng);
            List<AutoPlayer> bots = new ArrayList<>();
            for (int i = 0; i < SEATS; i++) {
                PokerClient client = PokerClient.connect(first.ws(), token(first, players.get(i)), players.get(i));
                AutoPlayer bot = AutoPlayer.takeOver(client, table, -1)
                        .play(i == HERO ? AutoPlayer.Policy.checkOrFold() : AutoPlayer.Policy.randomly(i));
                bot.request(id -> new ClientMessage.Watch(id, table, null));
                bots.add(bot);
            }
            AutoPlayer hero = bots.get(HERO);
            TestServer.eventually("two hands are played", () -> hero.handsEnded() >= 2);
            hero.play(null); // hero stops acting: the next hand that reaches hero waits on hero
            TableEvent.HandStarted interrupted = awaitHandWaitingOnHero(hero);
            interruptedHand = interrupted.handId();
            interruptedButton = interrupted.button();
            first.kill();
            bots.forEach(AutoPlayer::close);
        } catch (Exception | AssertionError e) {
            first.kill();
            throw e;
        }

        // The resumed table waits (up to the 60 s disconnect grace) for its players to come back before it deals.
        try (TestServer second = TestServer.forThisTest().onDatabase(url).withAdmin().settings(ServerSettings.forTests()).start()) {
            assertThat(second.rows("SELECT status FROM hand WHERE id = " + interruptedHand)).containsExactly("VOIDED");
            List<String> stored = second.rows("SELECT chips FROM tournament_entry WHERE tournament_id = " + sng
                    + " AND state = 'REGISTERED' AND place IS NULL ORDER BY id");
            assertThat(stored.stream().mapToLong(Long::parseLong).sum()).as("every chip of the tournament is there")
                    .isEqualTo(1500L * SEATS);
            assertThat(SitAndGoTables.tournament(second, sng).get("status").asText()).isEqualTo("RUNNING");
            assertThat(SitAndGoTables.tournament(second, sng).get("tableId").asLong()).as("the same table").isEqualTo(table);

            List<String> stillIn = second.rows("SELECT p.name FROM tournament_entry e JOIN player p ON p.id = e.player_id"
                    + " WHERE e.tournament_id = " + sng + " AND e.state = 'REGISTERED' AND e.place IS NULL ORDER BY e.id");
            List<AutoPlayer> bots = SitAndGoTables.sitDown(second, stillIn, table, i -> AutoPlayer.Policy.randomly(100 + i));
            try {
                SitAndGoTables.awaitStatus(second, sng, "FINISHED");
            } finally {
                bots.forEach(AutoPlayer::close);
            }
            // The first hand after the restart started from the chips stored before the interrupted hand.
            List<String> resumedWith = second.rows("SELECT s->>'player' || ' ' || (s->>'startingStack') FROM hand_history h,"
                    + " jsonb_array_elements(h.record->'seats') s WHERE h.hand_id = (SELECT min(hand_id) FROM hand_history"
                    + " WHERE table_id = " + table + " AND hand_id > " + interruptedHand + ") ORDER BY (s->>'seat')::int");
            assertThat(resumedWith).as("play resumed from the chips of the interrupted hand's start")
                    .containsExactlyElementsOf(IntStream.range(0, stillIn.size()).mapToObj(i -> stillIn.get(i) + " "
                            + Money.ofCents(Long.parseLong(stored.get(i)))).toList());
            // The button moved on from the last hand played, as in the interrupted hand, not from the first seat again.
            assertThat(second.rows("SELECT record->>'button' FROM hand_history WHERE hand_id = (SELECT min(hand_id) FROM"
                    + " hand_history WHERE table_id = " + table + " AND hand_id > " + interruptedHand + ")"))
                    .as("the first hand after the restart's button").containsExactly(String.valueOf(interruptedButton));
            assertThat(SitAndGoTables.prizePool(second, sng)).isEqualTo(Money.ZERO);
            Money paid = Money.ZERO;
            for (String player : players) {
                Money prize = Money.parse(second.rows("SELECT coalesce(prize, 0)::text FROM tournament_entry e JOIN player p"
                        + " ON p.id = e.player_id WHERE e.tournament_id = " + sng + " AND p.name = '" + player + "'").get(0));
                assertThat(second.wallet(player)).as(player).isEqualTo(Money.parse("994.50").plus(prize));
                paid = paid.plus(prize);
            }
            assertThat(paid).isEqualTo(Money.parse("30.00"));
            AuditReport audit = second.audit();
            assertThat(audit.clean()).as(audit.summary()).isTrue();
        }
    }

    /**
     * Waits until a hand waits on hero's turn (hero's turn is the last thing the table said, for half a second) and
     * returns that hand's start.
     */
    private static TableEvent.HandStarted awaitHandWaitingOnHero(AutoPlayer hero) throws InterruptedException {
        long deadline = System.nanoTime() + TestServer.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<TableEvent> heard = hero.events();
            int count = heard.size();
            if (count > 0 && heard.get(count - 1) instanceof TableEvent.TurnStarted turn && turn.turn().seat() == HERO) {
                Thread.sleep(500);
                if (hero.events().size() == count) {
                    List<TableEvent.HandStarted> hands = hero.events(TableEvent.HandStarted.class);
                    return hands.get(hands.size() - 1);
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no hand came to wait on hero");
    }

    private static String token(ServerProcess server, String player) throws Exception {
        return PokerClient.token(server.http(), player, player + "-password");
    }

    private static long tableOf(ServerProcess server, long sng) throws Exception {
        long deadline = System.nanoTime() + TestServer.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var view = TestServer.json(send(server, "/api/tournament?id=" + sng, null, null)).get("tournament");
            if (view.get("tableId").isNumber()) {
                return view.get("tableId").asLong();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("tournament " + sng + " was not dealt at a table");
    }

    private static HttpResponse<String> send(ServerProcess server, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.http() + path)).timeout(TestServer.WAIT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request = json == null ? request.GET()
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
