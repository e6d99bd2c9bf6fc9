package io.chipledger.ledger.postgres;

import io.chipledger.ledger.Account;
import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Entry;
import io.chipledger.ledger.Leg;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.PostingResult.Committed;
import io.chipledger.ledger.PostingResult.Rejected;
import io.chipledger.ledger.PostingResult.Replayed;
import io.chipledger.ledger.RejectReason;
import io.chipledger.ledger.Transfer;
import io.chipledger.ledger.TransferKind;
import io.chipledger.ledger.audit.LedgerAuditor;
import io.chipledger.ledger.db.Database;
import io.chipledger.money.Money;
import io.chipledger.money.MoneyFormatException;
import io.chipledger.money.PotSplit;
import io.chipledger.money.PotSplitter;
import io.chipledger.money.RakeRule;
import io.chipledger.ledger.testing.SharedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresLedgerTest {

    private static final AtomicInteger OWNERS = new AtomicInteger();
    private static Database database;
    private static PostgresLedger ledger;

    private Account cashier;
    private Account alice;
    private Account bob;

    @BeforeAll
    static void startLedger() {
        database = SharedPostgres.freshDatabase();
        ledger = PostgresLedger.start(database, LedgerSettings.defaults(), Clock.systemUTC(),
                Executors.newSingleThreadExecutor());
    }

    @AfterAll
    static void stopLedger() {
        ledger.close();
        database.close();
    }

    @BeforeEach
    void openAccounts() {
        int n = OWNERS.incrementAndGet();
        cashier = ledger.openAccount(AccountKind.CASHIER, "house", "CHP");
        alice = ledger.openAccount(AccountKind.WALLET, "alice-" + n, "CHP");
        bob = ledger.openAccount(AccountKind.WALLET, "bob-" + n, "CHP");
        assertThat(post(deposit("fund-alice-" + n, alice, "100.00"))).isInstanceOf(Committed.class);
    }

    @Test
    void depositMovesChipsFromCashierToWalletAndRecordsTheLink() {
        Account carol = ledger.openAccount(AccountKind.WALLET, "carol-" + OWNERS.incrementAndGet(), "CHP");
        Money cashierBefore = ledger.balance(cashier.id());

        PostingResult result = post(deposit("deposit-carol-" + carol.id(), carol, "25.50"));

        assertThat(result).isInstanceOf(Committed.class);
        assertThat(((Committed) result).transferIds()).hasSize(1);
        assertThat(ledger.balance(carol.id())).isEqualTo(Money.of("25.50"));
        assertThat(ledger.balance(cashier.id())).isEqualTo(cashierBefore.minus(Money.of("25.50")));
        List<Entry> entries = ledger.entries(carol.id());
        assertThat(entries).containsExactly(new Entry(carol.id(), 1, ((Committed) result).transferIds().get(0),
                Money.of("25.50"), Money.ZERO, Money.of("25.50")));
        assertThat(ledger.account(carol.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void openingAnAccountTwiceReturnsTheSameAccount() {
        Account again = ledger.openAccount(AccountKind.WALLET, alice.ownerRef(), "CHP");

        assertThat(again.id()).isEqualTo(alice.id());
        assertThat(again.balance()).isEqualTo(Money.of("100.00"));
    }

    @Test
    void onlyTheCashierMayGoNegative() {
        Map<Long, Money> before = balances();

        PostingResult overdraw = post(Posting.single("overdraw-" + alice.id(), TransferKind.BET, alice.id(), bob.id(),
                Money.of("100.01")));

        assertRejected(overdraw, RejectReason.INSUFFICIENT_FUNDS, "holds only 100.00");
        assertThat(balances()).isEqualTo(before);
        assertThat(ledger.balance(cashier.id()).isNegative()).isTrue();
    }

    @Test
    void zeroAmountIsRejectedAndMovesNothing() {
        Map<Long, Money> before = balances();

        PostingResult zero = post(Posting.single("zero-" + alice.id(), TransferKind.BET, alice.id(), bob.id(), Money.ZERO));

        assertRejected(zero, RejectReason.NON_POSITIVE_AMOUNT, "must be positive");
        assertThat(balances()).isEqualTo(before);
    }

    @Test
    void negativeAmountIsRejectedAndMovesNothing() {
        Map<Long, Money> before = balances();

        PostingResult negative = post(Posting.single("negative-" + alice.id(), TransferKind.BET, bob.id(), alice.id(),
                Money.of("-5.00")));

        assertRejected(negative, RejectReason.NON_POSITIVE_AMOUNT, "-5.00");
        assertThat(balances()).isEqualTo(before);
    }

    @Test
    void amountFinerThanACentCannotEvenBeWritten() {
        Map<Long, Money> before = balances();

        assertThatThrownBy(() -> Posting.single("tenth-cent", TransferKind.BET, alice.id(), bob.id(), Money.of("0.001")))
                .isInstanceOf(MoneyFormatException.class)
                .hasMessageContaining("finer than a cent");
        assertThatThrownBy(() -> Money.of(new BigDecimal("0.001"))).isInstanceOf(MoneyFormatException.class);
        assertThat(balances()).isEqualTo(before);
    }

    @Test
    void sameAccountOnBothSidesIsRejected() {
        Map<Long, Money> before = balances();

        PostingResult self = post(Posting.single("self-" + alice.id(), TransferKind.BET, alice.id(), alice.id(),
                Money.of("1.00")));

        assertRejected(self, RejectReason.SAME_ACCOUNT, "to itself");
        assertThat(balances()).isEqualTo(before);
    }

    @Test
    void unknownAccountIsRejected() {
        Map<Long, Money> before = balances();

        PostingResult unknown = post(Posting.single("unknown-" + alice.id(), TransferKind.BET, alice.id(), 987_654_321L,
                Money.of("1.00")));

        assertRejected(unknown, RejectReason.UNKNOWN_ACCOUNT, "account 987654321 does not exist");
        assertThat(balances()).isEqualTo(before);
    }

    @Test
    void aPostingBetweenTwoUnknownAccountsIsRejected() {
        Map<Long, Money> before = balances();

        PostingResult unknown = post(Posting.single("nobody-" + alice.id(), TransferKind.BET, 987_654_320L, 987_654_321L,
                Money.of("1.00")));

        assertRejected(unknown, RejectReason.UNKNOWN_ACCOUNT, "account 987654320 does not exist");
        assertThat(balances()).isEqualTo(before);
    }

    @Test
    void currencyMismatchIsRejected() {
        Account euroWallet = ledger.openAccount(AccountKind.WALLET, "euro-" + alice.id(), "EUR");
        Map<Long, Money> before = balances();

        PostingResult mixed = post(Posting.single("mixed-" + alice.id(), TransferKind.BET, alice.id(), euroWallet.id(),
                Money.of("1.00")));

        assertRejected(mixed, RejectReason.CURRENCY_MISMATCH, "CHP account to a EUR account");
        assertThat(balances()).isEqualTo(before);
    }

    @Test
    void postingWithABadLaterLegMovesNothingAtAll() {
        Map<Long, Money> before = balances();
        Posting twoLegs = new Posting("half-" + alice.id(), TransferKind.BET, "t1", "h1", "a1", List.of(
                new Leg(alice.id(), bob.id(), Money.of("60.00"), TransferKind.BET),
                new Leg(alice.id(), bob.id(), Money.of("60.00"), TransferKind.BET)));

        PostingResult result = post(twoLegs);

        assertRejected(result, RejectReason.INSUFFICIENT_FUNDS, "leg 1");
        assertThat(balances()).isEqualTo(before);
        assertThat(ledger.entries(bob.id())).isEmpty();
    }

    @Test
    void sameKeyAndContentReplaysTheOriginalOutcomeAndMovesChipsOnce() {
        Posting bet = Posting.single("bet-once-" + alice.id(), TransferKind.BET, alice.id(), bob.id(), Money.of("10.00"));

        Committed first = (Committed) post(bet);
        PostingResult second = post(bet);
        PostingResult third = post(bet);

        assertThat(second).isEqualTo(new Replayed(first.postingId(), first.transferIds()));
        assertThat(third).isEqualTo(second);
        assertThat(ledger.balance(alice.id())).isEqualTo(Money.of("90.00"));
        assertThat(ledger.balance(bob.id())).isEqualTo(Money.of("10.00"));
    }

    @Test
    void sameKeyWithDifferentContentIsAnIdempotencyConflict() {
        post(Posting.single("bet-k-" + alice.id(), TransferKind.BET, alice.id(), bob.id(), Money.of("10.00")));
        Map<Long, Money> before = balances();

        PostingResult other = post(Posting.single("bet-k-" + alice.id(), TransferKind.BET, alice.id(), bob.id(),
                Money.of("11.00")));

        assertRejected(other, RejectReason.IDEMPOTENCY_CONFLICT, "different content");
        assertThat(balances()).isEqualTo(before);
    }

    @Test
    void aKeyWhosePostingWasRejectedMayBeUsedAgain() {
        String key = "retry-after-funds-" + bob.id();
        Posting bet = Posting.single(key, TransferKind.BET, bob.id(), alice.id(), Money.of("5.00"));
        assertRejected(post(bet), RejectReason.INSUFFICIENT_FUNDS, "holds only 0.00");

        post(deposit("fund-bob-" + bob.id(), bob, "5.00"));

        assertThat(post(bet)).isInstanceOf(Committed.class);
        assertThat(ledger.balance(bob.id())).isEqualTo(Money.ZERO);
    }

    @Test
    void duplicatesInsideOneBatchMoveChipsOnce() throws Exception {
        Posting bet = Posting.single("same-batch-" + alice.id(), TransferKind.BET, alice.id(), bob.id(), Money.of("1.00"));
        List<CompletableFuture<PostingResult>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            futures.add(ledger.post(bet));
        }

        List<PostingResult> results = new ArrayList<>();
        for (CompletableFuture<PostingResult> f : futures) {
            results.add(f.get(30, TimeUnit.SECONDS));
        }

        assertThat(results).filteredOn(r -> r instanceof Committed).hasSize(1);
        assertThat(results).allMatch(PostingResult::accepted);
        assertThat(ledger.balance(bob.id())).isEqualTo(Money.of("1.00"));
    }

    @Test
    void oneFailingPostingDoesNotSinkItsBatch() throws Exception {
        List<CompletableFuture<PostingResult>> futures = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // Thirty bets of 4.00 from 100.00: twenty-five fit, the last five find too little.
            futures.add(ledger.post(Posting.single("batch-bet-" + alice.id() + "-" + i, TransferKind.BET, alice.id(),
                    bob.id(), Money.of("4.00"))));
        }

        List<PostingResult> results = new ArrayList<>();
        for (CompletableFuture<PostingResult> f : futures) {
            results.add(f.get(30, TimeUnit.SECONDS));
        }

        assertThat(results).filteredOn(PostingResult::accepted).hasSize(25);
        assertThat(results).filteredOn(r -> r instanceof Rejected rejected
                && rejected.reason() == RejectReason.INSUFFICIENT_FUNDS).hasSize(5);
        assertThat(ledger.balance(alice.id())).isEqualTo(Money.ZERO);
        assertThat(ledger.balance(bob.id())).isEqualTo(Money.of("100.00"));
    }

    @Test
    void handSettlementWithSplitPotOddCentAndRakeCommitsWhole() {
        String hand = "hand-" + alice.id();
        Account seatA = ledger.openAccount(AccountKind.SEAT, "t9/seat1/" + hand, "CHP");
        Account seatB = ledger.openAccount(AccountKind.SEAT, "t9/seat2/" + hand, "CHP");
        Account seatC = ledger.openAccount(AccountKind.SEAT, "t9/seat3/" + hand, "CHP");
        Account pot = ledger.openAccount(AccountKind.POT, "t9/" + hand, "CHP");
        Account rake = ledger.openAccount(AccountKind.RAKE, "house", "CHP");
        Money rakeBefore = ledger.balance(rake.id());
        post(new Posting("buy-" + hand, TransferKind.BUY_IN, "t9", hand, "buy", List.of(
                new Leg(alice.id(), seatA.id(), Money.of("33.34"), TransferKind.BUY_IN),
                new Leg(alice.id(), seatB.id(), Money.of("33.33"), TransferKind.BUY_IN),
                new Leg(alice.id(), seatC.id(), Money.of("33.33"), TransferKind.BUY_IN))));
        post(new Posting("bets-" + hand, TransferKind.BET, "t9", hand, "bets", List.of(
                new Leg(seatA.id(), pot.id(), Money.of("33.34"), TransferKind.BET),
                new Leg(seatB.id(), pot.id(), Money.of("33.33"), TransferKind.BET),
                new Leg(seatC.id(), pot.id(), Money.of("33.33"), TransferKind.BET))));

        RakeRule.RakeCut cut = new RakeRule(new BigDecimal("5"), Money.of("2.99"), true).apply(Money.of("100.00"), true);
        PotSplit<Account> split = PotSplitter.split(cut.remainder(), List.of(seatB, seatC));
        List<Leg> legs = new ArrayList<>();
        legs.add(new Leg(pot.id(), rake.id(), cut.rake(), TransferKind.RAKE));
        split.shares().forEach(s -> legs.add(new Leg(pot.id(), s.recipient().id(), s.amount(), TransferKind.POT_AWARD)));
        PostingResult settled = post(new Posting("settle-" + hand, TransferKind.POT_AWARD, "t9", hand, "showdown", legs));

        assertThat(settled).isInstanceOf(Committed.class);
        assertThat(ledger.balance(pot.id())).isEqualTo(Money.ZERO);
        assertThat(ledger.balance(rake.id())).isEqualTo(rakeBefore.plus(Money.of("2.99")));
        assertThat(ledger.balance(seatB.id())).isEqualTo(Money.of("48.51"));
        assertThat(ledger.balance(seatC.id())).isEqualTo(Money.of("48.50"));
        List<Transfer> handTransfers = ledger.transfersOfHand(hand);
        assertThat(handTransfers).hasSize(9);
        assertThat(handTransfers).filteredOn(t -> t.kind() == TransferKind.POT_AWARD)
                .extracting(Transfer::amount).containsExactly(Money.of("48.51"), Money.of("48.50"));
        assertThat(new LedgerAuditor(database.sqlSessionFactory()).audit().findings()).isEmpty();
    }

    @Test
    void aTablesPostingsComeBackInTheOrderTheTablePostedThem() {
        String hand = "ordered-hand-" + alice.id();
        List<Long> transferIds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            boolean toBob = i % 2 == 0;
            Committed committed = (Committed) post(new Posting(hand + "/" + i, TransferKind.BET, "t-ordered-" + alice.id(),
                    hand, "a" + i, List.of(new Leg(toBob ? alice.id() : bob.id(), toBob ? bob.id() : alice.id(),
                    Money.of("1.00"), TransferKind.BET))));
            transferIds.addAll(committed.transferIds());
        }

        assertThat(ledger.transfersOfHand(hand)).extracting(Transfer::id).containsExactlyElementsOf(transferIds);
    }

    @Test
    void aHandsTransfersAreFoundThroughTheHandIndexNotByReadingTheWholeJournal() throws SQLException {
        String sql = database.sqlSessionFactory().getConfiguration()
                .getMappedStatement("io.chipledger.ledger.mapper.AccountMapper.transfersOfHand")
                .getBoundSql(Map.of("handRef", "t1-h1")).getSql();
        StringBuilder plan = new StringBuilder();
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // The test journal is tiny, where a seq scan is cheaper anyway: ask whether the index can serve at all.
                s.execute("SET LOCAL enable_seqscan = off");
            }
            try (var explain = c.prepareStatement("EXPLAIN " + sql)) {
                explain.setString(1, "t1-h1");
                try (ResultSet r = explain.executeQuery()) {
                    while (r.next()) {
                        plan.append(r.getString(1)).append('\n');
                    }
                }
            }
            c.rollback();
        }

        assertThat(plan.toString()).contains("posting_by_hand").doesNotContain("Seq Scan on posting");
    }

    @Test
    void oneKeyPostedAtOnceFromTwoTablesMovesChipsOnceAndTheOtherIsAConflict() throws Exception {
        Map<Long, Money> before = balances();
        List<CompletableFuture<PostingResult>> first = new ArrayList<>();
        List<CompletableFuture<PostingResult>> second = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // Different tables may route to different writers: only the unique key can stop the second.
            String key = "two-tables-" + alice.id() + "-" + i;
            first.add(ledger.post(new Posting(key, TransferKind.BET, "t-a-" + i, null, null,
                    List.of(new Leg(alice.id(), bob.id(), Money.of("1.00"), TransferKind.BET)))));
            second.add(ledger.post(new Posting(key, TransferKind.BET, "t-b-" + i, null, null,
                    List.of(new Leg(alice.id(), bob.id(), Money.of("1.00"), TransferKind.BET)))));
        }

        for (int i = 0; i < 20; i++) {
            List<PostingResult> pair = List.of(first.get(i).get(30, TimeUnit.SECONDS), second.get(i).get(30, TimeUnit.SECONDS));
            assertThat(pair).as("key %d", i).filteredOn(r -> r instanceof Committed).hasSize(1);
            assertThat(pair).as("key %d", i).filteredOn(r -> r instanceof Rejected rejected
                    && rejected.reason() == RejectReason.IDEMPOTENCY_CONFLICT).hasSize(1);
        }
        assertThat(ledger.balance(alice.id())).isEqualTo(before.get(alice.id()).minus(Money.of("20.00")));
        assertThat(ledger.balance(bob.id())).isEqualTo(before.get(bob.id()).plus(Money.of("20.00")));
    }

    private PostingResult post(Posting posting) {
        try {
            return ledger.post(posting).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("posting " + posting.idempotencyKey() + " did not complete", e);
        }
    }

    private Posting deposit(String key, Account to, String amount) {
        return Posting.single(key, TransferKind.DEPOSIT, cashier.id(), to.id(), Money.of(amount));
    }

    private static void assertRejected(PostingResult result, RejectReason reason, String messagePart) {
        assertThat(result).isInstanceOf(Rejected.class);
        assertThat(((Rejected) result).reason()).isEqualTo(reason);
        assertThat(((Rejected) result).message()).contains(messagePart);
    }

    static Map<Long, Money> balances() {
        Map<Long, Money> balances = new TreeMap<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, balance FROM account")) {
            while (r.next()) {
                balances.put(r.getLong(1), Money.of(r.getBigDecimal(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return balances;
    }
}
