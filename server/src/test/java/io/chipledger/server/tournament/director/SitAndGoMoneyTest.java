package io.chipledger.server.tournament.director;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipledger.ledger.Account;
import io.chipledger.ledger.AccountKind;
import io.chipledger.money.Money;
import io.chipledger.server.GameServer;
import io.chipledger.server.testing.TestServer;
import io.chipledger.server.tournament.Bust;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A sit-and-go's money against the real server and database: registration takes the buy-in to the tournament's prize
 * pool and the fee to its fee account in one posting; unregistering and cancelling give both back; prizes leave the
 * pool for the winners' wallets to the cent, ties sharing theirs; and after each, the ledger audit is clean.
 */
class SitAndGoMoneyTest {

    @RegisterExtension
    static final TestServer live = TestServer.forEachTestClass().withAdmin();

    /** Creates a template (buy-in + fee, levels by hands) and returns the id of its tournament now registering. */
    static long registeringTournament(TestServer server, String name, int seats, String buyIn, String fee, String payouts)
            throws Exception {
        JsonNode template = server.adminPost("/api/admin/tournament-templates/create", "{\"name\":\"" + name + "\",\"seats\":"
                + seats + ",\"buyIn\":\"" + buyIn + "\",\"fee\":\"" + fee + "\",\"startingChips\":1500,\"levels\":["
                + "{\"smallBlind\":10,\"bigBlind\":20},{\"smallBlind\":15,\"bigBlind\":30,\"ante\":5}],\"levelHands\":10,"
                + "\"payouts\":\"" + payouts + "\",\"reason\":\"tests\",\"idempotencyKey\":\"" + TestServer.newKey() + "\"}");
        assertThat(template.has("template")).as(template.toString()).isTrue();
        return registeringOf(server, template.get("template").get("id").asLong());
    }

    static long registeringOf(TestServer server, long templateId) throws Exception {
        for (JsonNode t : TestServer.json(server.get("/api/tournaments?status=registering", null)).get("tournaments")) {
            if (t.get("templateId").asLong() == templateId) {
                return t.get("id").asLong();
            }
        }
        throw new AssertionError("no tournament of template " + templateId + " is registering");
    }

    static HttpResponse<String> register(TestServer server, String player, long tournament, String requestId) throws Exception {
        return server.post("/api/tournament/register", server.token(player),
                "{\"tournamentId\":" + tournament + ",\"requestId\":\"" + requestId + "\"}");
    }

    static HttpResponse<String> unregister(TestServer server, String player, long tournament) throws Exception {
        return server.post("/api/tournament/unregister", server.token(player), "{\"tournamentId\":" + tournament + "}");
    }

    static Money pool(TestServer server, long tournament) {
        return balance(server, AccountKind.PRIZE_POOL, tournament);
    }

    static Money fees(TestServer server, long tournament) {
        return balance(server, AccountKind.FEE, tournament);
    }

    private static Money balance(TestServer server, AccountKind kind, long tournament) {
        return server.server().ledger().findAccount(kind, "tournament:" + tournament, GameServer.CURRENCY)
                .map(Account::balance).orElse(Money.ZERO);
    }

    static JsonNode tournament(TestServer server, long id) throws Exception {
        return TestServer.json(server.get("/api/tournament?id=" + id, null)).get("tournament");
    }

    private static String code(HttpResponse<String> response) throws Exception {
        return TestServer.json(response).get("error").get("code").asText();
    }

    @Test
    void registeringMovesTheBuyInToThePrizePoolAndTheFeeToTheHouseInOnePosting() throws Exception {
        long sng = registeringTournament(live, "Ledger turbo", 6, "10.00", "1.00", "65/35");

        HttpResponse<String> answer = register(live, "ava", sng, "r1");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(TestServer.json(answer).get("state").asText()).isEqualTo("REGISTERED");
        assertThat(TestServer.json(answer).get("wallet").asText()).isEqualTo("989.00");
        assertThat(live.wallet("ava")).isEqualTo(Money.parse("989.00"));
        assertThat(pool(live, sng)).isEqualTo(Money.parse("10.00"));
        assertThat(fees(live, sng)).isEqualTo(Money.parse("1.00"));
        long entry = TestServer.json(answer).get("entryId").asLong();
        assertThat(live.rows("SELECT t.kind || ' ' || t.amount || ' ' || f.kind || '>' || w.kind FROM posting p"
                + " JOIN transfer t ON t.posting_id = p.id JOIN account f ON f.id = t.from_account_id"
                + " JOIN account w ON w.id = t.to_account_id WHERE p.idempotency_key = 'entry:e" + entry + "' ORDER BY t.leg_index"))
                .containsExactly("BUY_IN 10.00 WALLET>PRIZE_POOL", "ENTRY_FEE 1.00 WALLET>FEE");
        JsonNode view = tournament(live, sng);
        assertThat(view.get("registered").asInt()).isEqualTo(1);
        assertThat(view.get("players").get(0).get("name").asText()).isEqualTo("ava");
        assertThat(view.get("payouts").get(0).get("amount").asText()).isEqualTo("39.00");
        assertThat(live.audit().clean()).isTrue();
    }

    @Test
    void unregisteringBeforeTheStartGivesBackTheBuyInAndTheFee() throws Exception {
        long sng = registeringTournament(live, "Refund turbo", 6, "10.00", "1.00", "65/35");
        register(live, "ben", sng, "r1");

        HttpResponse<String> answer = unregister(live, "ben", sng);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(TestServer.json(answer).get("state").asText()).isEqualTo("UNREGISTERED");
        assertThat(live.wallet("ben")).isEqualTo(Money.parse("1000.00"));
        assertThat(pool(live, sng)).isEqualTo(Money.ZERO);
        assertThat(fees(live, sng)).isEqualTo(Money.ZERO);
        assertThat(tournament(live, sng).get("registered").asInt()).isZero();
        assertThat(code(unregister(live, "ben", sng))).isEqualTo("NOT_REGISTERED");
        assertThat(live.wallet("ben")).as("a second unregister moves nothing").isEqualTo(Money.parse("1000.00"));

        assertThat(TestServer.json(register(live, "ben", sng, "r2")).get("state").asText()).as("may register again").isEqualTo("REGISTERED");
        assertThat(live.wallet("ben")).isEqualTo(Money.parse("989.00"));
        assertThat(live.audit().clean()).isTrue();
    }

    @Test
    void theSameRegistrationSentTwiceAtOnceTakesTheMoneyOnce() throws Exception {
        long sng = registeringTournament(live, "Twice turbo", 6, "10.00", "1.00", "65/35");
        live.token("cleo");
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                answers.add(threads.submit(() -> {
                    together.await();
                    return register(live, "cleo", sng, "same-request");
                }));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(200);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(TestServer.json(answers.get(0).get()).get("entryId")).isEqualTo(TestServer.json(answers.get(1).get()).get("entryId"));
        long replayed = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            replayed += TestServer.json(answer.get()).get("replayed").asBoolean() ? 1 : 0;
        }
        assertThat(replayed).as("one of the two is the other's answer").isEqualTo(1);
        assertThat(live.wallet("cleo")).isEqualTo(Money.parse("989.00"));
        assertThat(pool(live, sng)).isEqualTo(Money.parse("10.00"));
        assertThat(code(register(live, "cleo", sng, "another-request"))).isEqualTo("ALREADY_REGISTERED");
    }

    @Test
    void itStartsWhenTheLastSeatIsTakenAndTheNextOneOfItsTemplateOpens() throws Exception {
        long sng = registeringTournament(live, "Full turbo", 3, "5.00", "0.50", "100");
        long template = tournament(live, sng).get("templateId").asLong();
        register(live, "dan", sng, "r");
        register(live, "eve", sng, "r");

        JsonNode last = TestServer.json(register(live, "fay", sng, "r"));

        assertThat(last.get("started").asBoolean()).isTrue();
        assertThat(tournament(live, sng).get("status").asText()).isEqualTo("RUNNING");
        assertThat(tournament(live, sng).get("startedAt").isTextual()).isTrue();
        TestServer.eventually("the next tournament of the template opens", () -> {
            try {
                return registeringOf(live, template) != sng;
            } catch (Exception | AssertionError none) {
                return false;
            }
        });
        assertThat(code(register(live, "gus", sng, "r"))).isEqualTo("NOT_REGISTERING");
        assertThat(code(unregister(live, "dan", sng))).isEqualTo("NOT_REGISTERING");
        assertThat(pool(live, sng)).isEqualTo(Money.parse("15.00"));
        assertThat(live.wallet("gus")).isEqualTo(Money.parse("1000.00"));
    }

    @Test
    void aWalletShortOfTheBuyInAndFeeOrAFrozenPlayerIsRefusedAndNothingMoves() throws Exception {
        long sng = registeringTournament(live, "Broke turbo", 6, "10.00", "1.00", "65/35");
        live.token("hal");
        live.adminPost("/api/admin/player/withdraw", "{\"playerId\":" + live.playerId("hal") + ",\"amount\":\"990.00\","
                + "\"reason\":\"tests\",\"idempotencyKey\":\"" + TestServer.newKey() + "\"}");

        HttpResponse<String> broke = register(live, "hal", sng, "r1");

        assertThat(broke.statusCode()).isEqualTo(409);
        assertThat(code(broke)).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(live.wallet("hal")).isEqualTo(Money.parse("10.00"));
        assertThat(pool(live, sng)).isEqualTo(Money.ZERO);
        assertThat(code(register(live, "hal", sng, "r1"))).as("the same request again").isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(live.rows("SELECT state FROM tournament_entry WHERE tournament_id = " + sng)).containsExactly("REFUSED");

        live.token("ian");
        live.adminPost("/api/admin/player/freeze", "{\"playerId\":" + live.playerId("ian") + ",\"reason\":\"tests\","
                + "\"idempotencyKey\":\"" + TestServer.newKey() + "\"}");
        assertThat(code(register(live, "ian", sng, "r1"))).isEqualTo("ACCOUNT_FROZEN");
        assertThat(live.wallet("ian")).isEqualTo(Money.parse("1000.00"));
        assertThat(tournament(live, sng).get("registered").asInt()).isZero();
        assertThat(live.audit().clean()).isTrue();
    }

    @Test
    void cancellingARegisteringOrRunningTournamentRefundsEveryBuyInAndFee() throws Exception {
        long registering = registeringTournament(live, "Cancel turbo", 3, "7.77", "0.23", "100");
        register(live, "jan", registering, "r");
        register(live, "kim", registering, "r");
        JsonNode cancelled = live.adminPost("/api/admin/tournament/cancel", "{\"tournamentId\":" + registering
                + ",\"reason\":\"dealer ill\",\"idempotencyKey\":\"" + TestServer.newKey() + "\"}");

        assertThat(cancelled.get("tournament").get("status").asText()).as(cancelled.toString()).isEqualTo("CANCELLED");
        assertThat(live.wallet("jan")).isEqualTo(Money.parse("1000.00"));
        assertThat(live.wallet("kim")).isEqualTo(Money.parse("1000.00"));
        assertThat(pool(live, registering)).isEqualTo(Money.ZERO);
        assertThat(fees(live, registering)).isEqualTo(Money.ZERO);

        long running = registeringOf(live, tournament(live, registering).get("templateId").asLong());
        for (String player : List.of("lea", "max", "ned")) {
            register(live, player, running, "r");
        }
        assertThat(tournament(live, running).get("status").asText()).isEqualTo("RUNNING");
        live.server().tournaments().find(running).orElseThrow()
                .eliminate(null, List.of(new Bust(live.playerId("ned"), 1500, 0))).join();
        live.adminPost("/api/admin/tournament/cancel", "{\"tournamentId\":" + running
                + ",\"reason\":\"server maintenance\",\"idempotencyKey\":\"" + TestServer.newKey() + "\"}");

        for (String player : List.of("lea", "max", "ned")) {
            assertThat(live.wallet(player)).as(player).isEqualTo(Money.parse("1000.00"));
        }
        assertThat(pool(live, running)).isEqualTo(Money.ZERO);
        assertThat(fees(live, running)).isEqualTo(Money.ZERO);
        JsonNode again = TestServer.json(live.post("/api/admin/tournament/cancel", live.adminToken(), "{\"tournamentId\":"
                + running + ",\"reason\":\"again\",\"idempotencyKey\":\"" + TestServer.newKey() + "\"}"));
        assertThat(again.get("error").get("code").asText()).isEqualTo("ALREADY_OVER");
        assertThat(live.rows("SELECT status || ' ' || cancel_reason FROM tournament WHERE id = " + running))
                .containsExactly("CANCELLED server maintenance");
        assertThat(live.audit().clean()).isTrue();
    }

    @Test
    void thePrizePoolGoesToTheWinnersToTheCentAndPlayersBustingTogetherWithEqualStacksShareTheirPrizes() throws Exception {
        // 4 x 3.34 = 13.36; 50/30/20: 6.68, 4.008 and 2.672 round down to 6.68 + 4.00 + 2.67 = 13.35, one cent to 1st.
        long sng = registeringTournament(live, "Split turbo", 4, "3.34", "0.16", "50/30/20");
        List<String> names = List.of("oli", "pam", "quin", "rex");
        for (String name : names) {
            register(live, name, sng, "r");
        }
        TournamentActor actor = live.server().tournaments().find(sng).orElseThrow();

        // Three bust in one hand. rex started it with 900 chips: 2nd. quin and pam both started it with 800: they tie
        // for 3rd-4th and share 3rd's 2.67 (4th pays nothing), the odd cent to quin, seated first from the button.
        actor.eliminate(11L, List.of(new Bust(live.playerId("pam"), 800, 2), new Bust(live.playerId("rex"), 900, 1),
                new Bust(live.playerId("quin"), 800, 0))).join();

        JsonNode view = tournament(live, sng);
        assertThat(view.get("status").asText()).isEqualTo("FINISHED");
        assertThat(live.wallet("oli")).isEqualTo(Money.parse("1003.19")); // 1000 - 3.50 + 6.69
        assertThat(live.wallet("rex")).isEqualTo(Money.parse("1000.50")); // 1000 - 3.50 + 4.00
        assertThat(live.wallet("quin")).isEqualTo(Money.parse("997.84")); // 1000 - 3.50 + 1.34
        assertThat(live.wallet("pam")).isEqualTo(Money.parse("997.83")); // 1000 - 3.50 + 1.33
        assertThat(pool(live, sng)).as("the pool is emptied exactly").isEqualTo(Money.ZERO);
        assertThat(fees(live, sng)).isEqualTo(Money.parse("0.64"));
        assertThat(live.rows("SELECT p.name || ' ' || e.place || '-' || e.last_place || ' ' || e.prize || ' ' || e.odd_cent"
                + " FROM tournament_entry e JOIN player p ON p.id = e.player_id WHERE e.tournament_id = " + sng
                + " ORDER BY e.place, e.tie_order")).containsExactly("oli 1-1 6.69 true", "rex 2-2 4.00 false",
                "quin 3-4 1.34 true", "pam 3-4 1.33 false");
        assertThat(view.get("players").get(0).get("prize").asText()).isEqualTo("6.69");
        assertThat(live.rows("SELECT count(*) FROM posting WHERE idempotency_key = 'prizes:tournament:" + sng + "'"))
                .containsExactly("1");
        assertThat(live.audit().clean()).isTrue();
    }

    @Test
    void theAdminSeesThePrizePoolsLedgerHistoryWithRunningBalances() throws Exception {
        long sng = registeringTournament(live, "History turbo", 3, "2.00", "0.10", "100");
        register(live, "sam", sng, "r");
        register(live, "tia", sng, "r");
        unregister(live, "sam", sng);

        JsonNode history = live.adminGet("/api/admin/tournament/ledger?id=" + sng);

        assertThat(history.get("pool").get("balance").asText()).isEqualTo("2.00");
        JsonNode lines = history.get("pool").get("history");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("kind").asText()).isEqualTo("REFUND");
        assertThat(lines.get(0).get("amount").asText()).isEqualTo("-2.00");
        assertThat(lines.get(0).get("balanceAfter").asText()).isEqualTo("2.00");
        assertThat(lines.get(2).get("kind").asText()).isEqualTo("BUY_IN");
        assertThat(lines.get(2).get("counterparty").asText()).isEqualTo("player:" + live.playerId("sam"));
        assertThat(history.get("fees").get("balance").asText()).isEqualTo("0.10");
    }
}
