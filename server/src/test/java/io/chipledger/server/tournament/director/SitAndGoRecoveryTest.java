package io.chipledger.server.tournament.director;

import static io.chipledger.server.tournament.director.SitAndGoMoneyTest.fees;
import static io.chipledger.server.tournament.director.SitAndGoMoneyTest.pool;
import static io.chipledger.server.tournament.director.SitAndGoMoneyTest.register;
import static io.chipledger.server.tournament.director.SitAndGoMoneyTest.registeringTournament;
import static io.chipledger.server.tournament.director.SitAndGoMoneyTest.tournament;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.testing.TestServer;
import io.chipledger.server.tournament.Bust;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stop between storing what a tournament is about to do and the ledger doing it is finished at the next start, by
 * posting again under the same key: a registration whose buy-in never committed is completed (or refused, marked so),
 * an unregistration's or a cancellation's refunds are paid, a finishing tournament's prizes are paid; what had
 * committed is not paid twice. The rows are set by hand to stand for the moment of the crash.
 */
class SitAndGoRecoveryTest {

    @Test
    void aRestartFinishesEveryPaymentAStopCutShortAndPaysNothingTwice() throws Exception {
        String url;
        long registering;
        long cancelling;
        long finishing;
        long running;
        try (TestServer before = TestServer.forThisTest().withAdmin().start()) {
            url = before.jdbcUrl();
            // A registration stored, its buy-in never posted; another whose wallet is empty by now; an unregistration
            // stored, its refund never posted.
            registering = registeringTournament(before, "Crash registering", 6, "10.00", "1.00", "65/35");
            before.token("ann");
            before.token("bob");
            before.adminPost("/api/admin/player/withdraw", "{\"playerId\":" + before.playerId("bob") + ",\"amount\":\"1000.00\","
                    + "\"reason\":\"tests\",\"idempotencyKey\":\"" + TestServer.newKey() + "\"}");
            before.execute("INSERT INTO tournament_entry (tournament_id, player_id, request_id) VALUES (" + registering + ", "
                    + before.playerId("ann") + ", 'lost'), (" + registering + ", " + before.playerId("bob") + ", 'lost')");
            register(before, "cat", registering, "r");
            before.execute("UPDATE tournament_entry SET state = 'UNREGISTERED' WHERE request_id = 'r' AND tournament_id = " + registering);

            // A cancellation decided, no refund posted yet.
            cancelling = registeringTournament(before, "Crash cancelling", 6, "4.00", "0.40", "65/35");
            register(before, "dee", cancelling, "r");
            register(before, "eli", cancelling, "r");
            before.execute("UPDATE tournament SET status = 'CANCELLING' WHERE id = " + cancelling);

            // Every place decided and the prizes stored, none paid yet.
            finishing = registeringTournament(before, "Crash finishing", 3, "5.00", "0.00", "100");
            for (String name : List.of("fox", "gil", "hob")) {
                register(before, name, finishing, "r");
            }
            before.execute("UPDATE tournament SET status = 'FINISHING' WHERE id = " + finishing,
                    "UPDATE tournament_entry SET place = 1, last_place = 1, prize = 15.00, odd_cent = false"
                            + " WHERE tournament_id = " + finishing + " AND player_id = " + before.playerId("gil"),
                    "UPDATE tournament_entry SET place = 2, last_place = 2, prize = 0.00, odd_cent = false"
                            + " WHERE tournament_id = " + finishing + " AND player_id = " + before.playerId("fox"),
                    "UPDATE tournament_entry SET place = 3, last_place = 3, prize = 0.00, odd_cent = false"
                            + " WHERE tournament_id = " + finishing + " AND player_id = " + before.playerId("hob"));

            // A running tournament with one player out.
            running = registeringTournament(before, "Crash running", 3, "1.00", "0.10", "100");
            for (String name : List.of("ivy", "jon", "kit")) {
                register(before, name, running, "r");
            }
            before.server().tournaments().find(running).orElseThrow()
                    .eliminate(5L, List.of(new Bust(before.playerId("kit"), 1500, 0))).join();
        }

        try (TestServer after = TestServer.forThisTest().withAdmin().onDatabase(url).start()) {
            assertThat(after.wallet("ann")).as("the stored registration is completed").isEqualTo(Money.parse("989.00"));
            assertThat(after.rows("SELECT state FROM tournament_entry WHERE player_id = " + after.playerId("bob")))
                    .as("a registration the wallet no longer covers is refused").containsExactly("REFUSED");
            assertThat(after.wallet("cat")).as("the stored unregistration is refunded").isEqualTo(Money.parse("1000.00"));
            assertThat(pool(after, registering)).isEqualTo(Money.parse("10.00"));
            assertThat(tournament(after, registering).get("registered").asInt()).isEqualTo(1);

            assertThat(tournament(after, cancelling).get("status").asText()).isEqualTo("CANCELLED");
            assertThat(after.wallet("dee")).isEqualTo(Money.parse("1000.00"));
            assertThat(after.wallet("eli")).isEqualTo(Money.parse("1000.00"));
            assertThat(pool(after, cancelling)).isEqualTo(Money.ZERO);
            assertThat(fees(after, cancelling)).isEqualTo(Money.ZERO);

            assertThat(tournament(after, finishing).get("status").asText()).isEqualTo("FINISHED");
            assertThat(after.wallet("gil")).isEqualTo(Money.parse("1010.00"));
            assertThat(pool(after, finishing)).isEqualTo(Money.ZERO);

            assertThat(tournament(after, running).get("status").asText()).isEqualTo("RUNNING");
            after.server().tournaments().find(running).orElseThrow()
                    .eliminate(6L, List.of(new Bust(after.playerId("ivy"), 2000, 1))).join();
            assertThat(after.wallet("jon")).as("the restored standings carry on").isEqualTo(Money.parse("1001.90"));
            assertThat(after.audit().clean()).isTrue();
        }

        List<String> ledger;
        try (TestServer again = TestServer.forThisTest().withAdmin().onDatabase(url).start()) {
            ledger = again.rows("SELECT id, balance, version FROM account ORDER BY id");
            assertThat(again.wallet("ann")).isEqualTo(Money.parse("989.00"));
            assertThat(again.wallet("gil")).isEqualTo(Money.parse("1010.00"));
        }
        try (TestServer third = TestServer.forThisTest().withAdmin().onDatabase(url).start()) {
            assertThat(third.rows("SELECT id, balance, version FROM account ORDER BY id"))
                    .as("a restart with nothing cut short moves nothing").isEqualTo(ledger);
            assertThat(third.audit().clean()).isTrue();
        }
    }

    @Test
    void aTableReopenedAfterARestartShowsTheStoredBlindLevelBeforeItsFirstHand() throws Exception {
        String url;
        long running;
        try (TestServer before = TestServer.forThisTest().withAdmin().start()) {
            url = before.jdbcUrl();
            running = registeringTournament(before, "Restart at level 2", 3, "1.00", "0.10", "100");
            for (String name : List.of("lea", "max", "ned")) {
                register(before, name, running, "r");
            }
            long sng = running;
            TestServer.eventually("the sit-and-go runs", () -> {
                try {
                    return tournament(before, sng).hasNonNull("tableId");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        // Stopped at level 2 (15/30, ante 5) with hands of that level to go, as a stop between two hands leaves it.
        try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement s = c.createStatement()) {
            s.execute("UPDATE chipledger.tournament SET level = 2, level_started_at = now(), level_hands = 3 WHERE id = " + running);
        }

        try (TestServer after = TestServer.forThisTest().withAdmin().onDatabase(url).start()) {
            long table = tournament(after, running).get("tableId").asLong();
            PokerClient watcher = after.connect("olga");
            watcher.send(r -> new ClientMessage.Watch(r, table, null));
            var view = ((ServerMessage.Snapshot) watcher.await(m -> m instanceof ServerMessage.Snapshot s && s.tableId() == table,
                    TestServer.WAIT)).table();
            assertThat(view.smallBlind() + "/" + view.bigBlind()).as("level 2's blinds, in chips of a hundredth")
                    .isEqualTo("0.15/0.30");
            watcher.close();
        }
    }
}
