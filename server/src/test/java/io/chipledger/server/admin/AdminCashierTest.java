package io.chipledger.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipledger.money.Money;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Players' money over the admin API against the real database: deposits, withdrawals and adjustments are cashier
 * transfers in the ledger, logged with who and why; one idempotency key moves money once, even from two threads at
 * the same moment; refusals (overdraft, sub-cent amounts, a frozen player) change nothing; freezing holds at once.
 */
class AdminCashierTest {

    @RegisterExtension
    static final TestServer fixture = TestServer.forEachTestClass().withAdmin();
    private static long table;

    @BeforeAll
    static void start() throws Exception {
        table = fixture.adminPost("/api/admin/tables/create", "{\"name\":\"Cashier\",\"smallBlind\":\"0.50\","
                + "\"bigBlind\":\"1.00\",\"seats\":6,\"minBuyIn\":\"20.00\",\"maxBuyIn\":\"100.00\","
                + "\"reason\":\"test table\",\"idempotencyKey\":\"create-cashier-table\"}").get("table").get("id").asLong();
    }

    private static String money(long playerId, String amount, String key) {
        return "{\"playerId\":" + playerId + ",\"amount\":\"" + amount + "\",\"reason\":\"support ticket 42\","
                + "\"idempotencyKey\":\"" + key + "\"}";
    }

    private static List<String> ledgerState() {
        List<String> state = new ArrayList<>(fixture.rows("SELECT id, balance, version FROM account ORDER BY id"));
        state.addAll(fixture.rows("SELECT count(*) FROM posting"));
        return state;
    }

    @Test
    void aDepositIsOneCashierTransferToTheWalletLoggedWithWhoAndWhy() throws Exception {
        fixture.token("dora");
        long dora = fixture.playerId("dora");
        String key = TestServer.newKey();

        HttpResponse<String> response = fixture.post("/api/admin/player/deposit", fixture.adminToken(), money(dora, "25.50", key));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = TestServer.json(response);
        assertThat(body.get("wallet").asText()).isEqualTo("1025.50");
        assertThat(body.get("amount").isTextual()).as("money is a JSON string").isTrue();
        assertThat(fixture.wallet("dora")).isEqualTo(Money.parse("1025.50"));
        assertThat(fixture.rows("SELECT t.kind || ' ' || t.amount || ' ' || f.kind || '>' || w.kind FROM posting p"
                + " JOIN transfer t ON t.posting_id = p.id JOIN account f ON f.id = t.from_account_id"
                + " JOIN account w ON w.id = t.to_account_id WHERE p.idempotency_key = 'admin:" + key + "'"))
                .containsExactly("DEPOSIT 25.50 CASHIER>WALLET");
        assertThat(fixture.rows("SELECT admin_name || ' ' || action || ' ' || target || ' ' || reason || ' ' || outcome"
                + " FROM admin_audit_log WHERE request_key = '" + key + "' OR outcome_of IN"
                + " (SELECT id FROM admin_audit_log WHERE request_key = '" + key + "') ORDER BY id"))
                .containsExactly("root DEPOSIT player:" + dora + " support ticket 42 REQUESTED",
                        "root DEPOSIT player:" + dora + " support ticket 42 DONE");
    }

    @Test
    void aPlayerOnlineSeesTheirNewBalanceAsSoonAsTheDepositCommits() throws Exception {
        String token = fixture.token("otto");
        try (PokerClient otto = PokerClient.connect("ws://127.0.0.1:" + fixture.server().port() + "/ws", token, "otto")) {
            fixture.post("/api/admin/player/deposit", fixture.adminToken(), money(fixture.playerId("otto"), "7.25", TestServer.newKey()));

            ServerMessage told = otto.await(m -> m instanceof ServerMessage.Wallet, TestServer.WAIT);
            assertThat(((ServerMessage.Wallet) told).balance()).isEqualTo(Money.parse("1007.25"));
        }
    }

    @Test
    void aDepositSubmittedTwiceAtOnceFromTwoThreadsMovesMoneyOnce() throws Exception {
        fixture.token("ellen");
        long ellen = fixture.playerId("ellen");
        String key = TestServer.newKey();
        String body = money(ellen, "40.00", key);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(threads.submit(() -> {
                    together.await();
                    return fixture.post("/api/admin/player/deposit", fixture.adminToken(), body);
                }));
            }
            JsonNode first = TestServer.json(answers.get(0).get());
            JsonNode second = TestServer.json(answers.get(1).get());
            assertThat(answers.get(0).get().statusCode()).isEqualTo(200);
            assertThat(answers.get(1).get().statusCode()).isEqualTo(200);
            assertThat(first.get("postingId").asLong()).as("one posting answers both").isEqualTo(second.get("postingId").asLong());
        } finally {
            threads.shutdownNow();
        }

        assertThat(fixture.wallet("ellen")).isEqualTo(Money.parse("1040.00"));
        assertThat(fixture.count("SELECT count(*) FROM posting WHERE idempotency_key = 'admin:" + key + "'")).isEqualTo(1);
        JsonNode history = fixture.adminGet("/api/admin/player?id=" + ellen).get("history");
        assertThat(history).hasSize(2); // the welcome grant and one deposit
        assertThat(fixture.count("SELECT count(*) FROM admin_audit_log WHERE request_key = '" + key + "'")).isEqualTo(1);
        assertThat(fixture.count("SELECT count(*) FROM admin_audit_log WHERE outcome_of = "
                + "(SELECT id FROM admin_audit_log WHERE request_key = '" + key + "')")).isEqualTo(1);
    }

    @Test
    void aDepositResentAfterItsAnswerIsAnsweredAgainAndMovesNothing() throws Exception {
        fixture.token("fred");
        long fred = fixture.playerId("fred");
        String key = TestServer.newKey();
        JsonNode first = fixture.adminPost("/api/admin/player/deposit", money(fred, "7.25", key));
        List<String> before = ledgerState();

        JsonNode again = fixture.adminPost("/api/admin/player/deposit", money(fred, "7.25", key));

        assertThat(again.path("replayed").asBoolean()).as(again.toString()).isTrue();
        assertThat(again.get("postingId")).isEqualTo(first.get("postingId"));
        assertThat(ledgerState()).isEqualTo(before);
        assertThat(fixture.wallet("fred")).isEqualTo(Money.parse("1007.25"));
    }

    @Test
    void theSameKeyForAnotherAmountIsRefusedAndNothingMoves() throws Exception {
        fixture.token("gina");
        long gina = fixture.playerId("gina");
        String key = TestServer.newKey();
        fixture.adminPost("/api/admin/player/deposit", money(gina, "1.00", key));
        List<String> before = ledgerState();

        HttpResponse<String> reused = fixture.post("/api/admin/player/deposit", fixture.adminToken(), money(gina, "100.00", key));

        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(TestServer.json(reused).get("error").get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(ledgerState()).isEqualTo(before);
    }

    @Test
    void aWithdrawalLargerThanTheWalletIsRefusedWithAClearErrorAndNothingChanges() throws Exception {
        fixture.token("hank");
        long hank = fixture.playerId("hank");
        String key = TestServer.newKey();
        List<String> before = ledgerState();

        HttpResponse<String> response = fixture.post("/api/admin/player/withdraw", fixture.adminToken(), money(hank, "1000.01", key));

        assertThat(response.statusCode()).isEqualTo(409);
        JsonNode error = TestServer.json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(error.get("message").asText()).isEqualTo("hank's wallet holds 1000.00; taking 1000.01 would overdraw it. Nothing moved.");
        assertThat(ledgerState()).isEqualTo(before);
        assertThat(fixture.wallet("hank")).isEqualTo(Money.parse("1000.00"));
        assertThat(fixture.rows("SELECT outcome FROM admin_audit_log WHERE outcome_of = "
                + "(SELECT id FROM admin_audit_log WHERE request_key = '" + key + "')")).containsExactly("REFUSED");

        JsonNode exact = fixture.adminPost("/api/admin/player/withdraw", money(hank, "1000.00", TestServer.newKey()));
        assertThat(exact.get("wallet").asText()).as("the whole wallet may go").isEqualTo("0.00");
    }

    @Test
    void amountsFinerThanACentOrNotStringsOrNotPositiveAreRefusedNeverRounded() throws Exception {
        fixture.token("ivan");
        long ivan = fixture.playerId("ivan");
        long logged = fixture.count("SELECT count(*) FROM admin_audit_log");
        List<String> before = ledgerState();
        String[] bodies = {
                money(ivan, "10.005", "k-finer"),
                "{\"playerId\":" + ivan + ",\"amount\":10.5,\"reason\":\"r\",\"idempotencyKey\":\"k-number\"}",
                money(ivan, "-5.00", "k-negative"),
                money(ivan, "0.00", "k-zero"),
                money(ivan, "1e3", "k-exponent")};

        for (String body : bodies) {
            HttpResponse<String> response = fixture.post("/api/admin/player/deposit", fixture.adminToken(), body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(TestServer.json(response).get("error").get("code").asText()).as(body).isEqualTo("BAD_AMOUNT");
        }
        HttpResponse<String> finer = fixture.post("/api/admin/player/deposit", fixture.adminToken(), bodies[0]);
        assertThat(TestServer.json(finer).get("error").get("message").asText()).contains("finer than a cent").contains("never rounded");
        assertThat(ledgerState()).isEqualTo(before);
        assertThat(fixture.count("SELECT count(*) FROM admin_audit_log")).isEqualTo(logged);
    }

    @Test
    void aReasonAndAnIdempotencyKeyAreRequired() throws Exception {
        long root = fixture.playerId(TestServer.ADMIN);
        HttpResponse<String> noReason = fixture.post("/api/admin/player/deposit", fixture.adminToken(),
                "{\"playerId\":" + root + ",\"amount\":\"1.00\",\"reason\":\"  \",\"idempotencyKey\":\"k\"}");
        HttpResponse<String> noKey = fixture.post("/api/admin/player/deposit", fixture.adminToken(),
                "{\"playerId\":" + root + ",\"amount\":\"1.00\",\"reason\":\"why\"}");
        HttpResponse<String> unknownField = fixture.post("/api/admin/player/deposit", fixture.adminToken(),
                "{\"playerId\":" + root + ",\"amount\":\"1.00\",\"reason\":\"why\",\"idempotencyKey\":\"k\",\"force\":true}");

        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("a reason is required");
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(noKey.body()).contains("idempotencyKey is required");
        assertThat(unknownField.statusCode()).isEqualTo(400);
    }

    @Test
    void adjustmentsCreditAndDebitTheWalletAsAdminAdjustments() throws Exception {
        fixture.token("jane");
        long jane = fixture.playerId("jane");

        JsonNode credit = fixture.adminPost("/api/admin/player/adjust", "{\"playerId\":" + jane + ",\"direction\":\"CREDIT\","
                + "\"amount\":\"0.07\",\"reason\":\"rounding complaint\",\"idempotencyKey\":\"" + TestServer.newKey() + "\"}");
        JsonNode debit = fixture.adminPost("/api/admin/player/adjust", "{\"playerId\":" + jane + ",\"direction\":\"DEBIT\","
                + "\"amount\":\"2.00\",\"reason\":\"chargeback\",\"idempotencyKey\":\"" + TestServer.newKey() + "\"}");

        assertThat(credit.get("wallet").asText()).isEqualTo("1000.07");
        assertThat(debit.get("wallet").asText()).isEqualTo("998.07");
        assertThat(debit.get("kind").asText()).isEqualTo("ADMIN_ADJUSTMENT");
        JsonNode history = fixture.adminGet("/api/admin/player?id=" + jane).get("history");
        assertThat(history.get(0).get("kind").asText()).isEqualTo("ADMIN_ADJUSTMENT");
        assertThat(history.get(0).get("amount").asText()).isEqualTo("-2.00");
        assertThat(history.get(1).get("amount").asText()).isEqualTo("0.07");
    }

    @Test
    void theWalletHistoryIsTheJournalsEntriesWithRunningBalancesNewestFirst() throws Exception {
        fixture.token("kate");
        long kate = fixture.playerId("kate");
        fixture.adminPost("/api/admin/player/deposit", money(kate, "50.00", TestServer.newKey()));
        fixture.adminPost("/api/admin/player/withdraw", money(kate, "30.25", TestServer.newKey()));

        JsonNode wallet = fixture.adminGet("/api/admin/player?id=" + kate);

        assertThat(wallet.get("player").get("wallet").asText()).isEqualTo("1019.75");
        JsonNode history = wallet.get("history");
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("kind").asText()).isEqualTo("WITHDRAWAL");
        assertThat(history.get(0).get("balanceAfter").asText()).isEqualTo("1019.75");
        assertThat(history.get(0).get("counterpartyKind").asText()).isEqualTo("CASHIER");
        for (int i = 0; i + 1 < history.size(); i++) {
            assertThat(history.get(i).get("balanceBefore")).as("each line starts where the older one ended")
                    .isEqualTo(history.get(i + 1).get("balanceAfter"));
            assertThat(Money.parse(history.get(i).get("balanceBefore").asText()).plus(Money.parse(history.get(i).get("amount").asText())))
                    .isEqualTo(Money.parse(history.get(i).get("balanceAfter").asText()));
        }
        assertThat(history.get(2).get("balanceBefore").asText()).isEqualTo("0.00");
    }

    @Test
    void searchFindsPlayersByAPieceOfTheirNameOrTheirId() throws Exception {
        fixture.token("Lorelai");
        fixture.token("lola_x");
        long lola = fixture.playerId("lola_x");

        JsonNode byName = fixture.adminGet("/api/admin/players?q=LO").get("players");
        JsonNode byId = fixture.adminGet("/api/admin/players?q=" + lola).get("players");
        JsonNode underscoreIsNotAWildcard = fixture.adminGet("/api/admin/players?q=a_x").get("players");

        assertThat(byName.findValuesAsText("name")).contains("Lorelai", "lola_x");
        assertThat(byId.findValuesAsText("name")).contains("lola_x");
        assertThat(underscoreIsNotAWildcard.findValuesAsText("name")).containsExactly("lola_x");
        assertThat(byName.get(0).get("wallet").asText()).isEqualTo("1000.00");
    }

    @Test
    void aFreezeHoldsAtOnceAndClosesTheConnectionsOpenedBeforeIt() throws Exception {
        try (PokerClient before = PokerClient.connect(fixture.ws(), fixture.token("mia"), "m")) {
            long miaId = fixture.playerId("mia");
            fixture.adminPost("/api/admin/player/freeze", "{\"playerId\":" + miaId + ",\"reason\":\"fraud review\","
                    + "\"idempotencyKey\":\"" + TestServer.newKey() + "\"}");
            TestServer.eventually("the socket opened before the freeze is closed", before::isClosed);
        }
        try (PokerClient mia = PokerClient.connect(fixture.ws(), fixture.token("mia"), "m")) {
            long miaId = fixture.playerId("mia");
            List<String> before = ledgerState();

            String buyIn = mia.send(id -> new ClientMessage.SitDown(id, table, 0, Money.parse("50.00")));
            ServerMessage refused = mia.reply(buyIn, TestServer.WAIT);
            HttpResponse<String> deposit = fixture.post("/api/admin/player/deposit", fixture.adminToken(),
                    money(miaId, "5.00", TestServer.newKey()));

            assertThat(refused).isInstanceOfSatisfying(ServerMessage.Error.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCOUNT_FROZEN));
            assertThat(deposit.statusCode()).isEqualTo(409);
            assertThat(TestServer.json(deposit).get("error").get("code").asText()).isEqualTo("ACCOUNT_FROZEN");
            assertThat(ledgerState()).isEqualTo(before);
            assertThat(fixture.adminGet("/api/admin/player?id=" + miaId).get("player").get("frozen").asBoolean()).isTrue();

            fixture.adminPost("/api/admin/player/unfreeze", "{\"playerId\":" + miaId + ",\"reason\":\"cleared\","
                    + "\"idempotencyKey\":\"" + TestServer.newKey() + "\"}");
            String again = mia.send(id -> new ClientMessage.SitDown(id, table, 0, Money.parse("50.00")));
            assertThat(mia.reply(again, TestServer.WAIT)).isInstanceOf(ServerMessage.Done.class);
            assertThat(fixture.wallet("mia")).isEqualTo(Money.parse("950.00"));
        }
    }

    @Test
    void anAdminCannotFreezeThemselves() throws Exception {
        HttpResponse<String> response = fixture.post("/api/admin/player/freeze", fixture.adminToken(), "{\"playerId\":"
                + fixture.playerId(TestServer.ADMIN) + ",\"reason\":\"oops\",\"idempotencyKey\":\"" + TestServer.newKey() + "\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(fixture.server().players().isFrozen(fixture.playerId(TestServer.ADMIN))).isFalse();
    }

    @Test
    void theLedgerAuditRunOnDemandIsCleanAndShownAsTheLastAudit() throws Exception {
        fixture.token("nina");
        fixture.adminPost("/api/admin/player/deposit", money(fixture.playerId("nina"), "3.00", TestServer.newKey()));

        JsonNode audit = fixture.adminPost("/api/admin/audit/run", "{\"reason\":\"end of shift\"}");
        JsonNode dashboard = fixture.adminGet("/api/admin/dashboard");

        assertThat(audit.get("clean").asBoolean()).as(audit.path("summary").asText()).isTrue();
        assertThat(audit.get("findings")).isEmpty();
        JsonNode last = dashboard.get("ledger").get("lastAudit");
        assertThat(last.get("by").asText()).isEqualTo(TestServer.ADMIN);
        assertThat(last.get("reason").asText()).isEqualTo("end of shift");
        assertThat(last.get("report").get("clean").asBoolean()).isTrue();
        assertThat(dashboard.get("ledger").get("sumOfBalances").asText()).isEqualTo("0.00");
        assertThat(Money.parse(dashboard.get("ledger").get("cashierBalance").asText()).isNegative()).isTrue();
    }

    @Test
    void anAuditOfATamperedLedgerShowsItsFindings() throws Exception {
        // A separate server: tampering must not leak into the other tests' ledger.
        try (TestServer tampered = TestServer.forThisTest().withAdmin().start()) {
            tampered.token("olga");
            tampered.execute("UPDATE account SET balance = balance + 5 WHERE kind = 'WALLET'");

            JsonNode audit = tampered.adminPost("/api/admin/audit/run", "{}");

            assertThat(audit.get("clean").asBoolean()).isFalse();
            assertThat(audit.get("findings").findValuesAsText("kind")).contains("BALANCE_NOT_DERIVED", "NOT_CONSERVED");
            assertThat(tampered.adminGet("/api/admin/dashboard").get("ledger").get("lastAudit").get("report").get("clean")
                    .asBoolean()).isFalse();
        }
    }

}
