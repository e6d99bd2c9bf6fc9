package io.chipledger.ledger.mapper;

import io.chipledger.ledger.Account;
import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.db.Database;
import io.chipledger.money.Money;
import io.chipledger.ledger.postgres.PostgresLedger;
import io.chipledger.ledger.testing.SharedPostgres;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The writer's one-round-trip write, called directly: it commits by itself, and writes nothing when it fails. */
class TransferMapperTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 26, 8, 0, 0, 0, ZoneOffset.UTC);
    private static Database database;
    private static Account cashier;
    private static Account wallet;

    @BeforeAll
    static void openAccounts() {
        database = SharedPostgres.freshDatabase();
        try (PostgresLedger ledger = PostgresLedger.start(database)) {
            cashier = ledger.openAccount(AccountKind.CASHIER, "house", "CHP");
            wallet = ledger.openAccount(AccountKind.WALLET, "alice", "CHP");
        }
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void theWriteCommitsInItsOwnRoundTripSoALaterRollbackUndoesNothing() {
        try (SqlSession session = database.sqlSessionFactory().openSession(false)) {
            long updated = session.getMapper(TransferMapper.class).writeBatchAndCommit(deposit(101, "commits", "7.00",
                    new Long[] {cashier.id(), wallet.id()}));
            session.rollback(true);

            assertThat(updated).isEqualTo(2);
        }

        assertThat(keysStored("commits")).containsExactly("commits");
        assertThat(balanceOf(wallet.id())).isEqualTo(Money.of("7.00"));
    }

    @Test
    void aBatchThatMissesAnAccountFailsBeforeItsCommitAndWritesNothing() {
        Money before = balanceOf(wallet.id());
        try (SqlSession session = database.sqlSessionFactory().openSession(false)) {
            TransferMapper mapper = session.getMapper(TransferMapper.class);
            BatchRows missing = deposit(102, "misses", "5.00", new Long[] {wallet.id(), 987_654_321L});

            assertThatThrownBy(() -> mapper.writeBatchAndCommit(missing))
                    .hasMessageContaining("only 1 of the 2 accounts of the batch were updated");
            session.rollback(true);
        }

        assertThat(keysStored("misses")).isEmpty();
        assertThat(balanceOf(wallet.id())).isEqualTo(before);
    }

    @Test
    void aBatchAppliedToAnAccountThatMovedSinceItWasReadFailsAndWritesNothing() {
        Money before = balanceOf(wallet.id());
        BatchRows readEarlier = deposit(103, "reads-stale", "3.00", new Long[] {cashier.id(), wallet.id()});
        try (SqlSession session = database.sqlSessionFactory().openSession(false)) {
            session.getMapper(TransferMapper.class).writeBatchAndCommit(deposit(104, "moves-first", "2.00",
                    new Long[] {cashier.id(), wallet.id()}));
        }

        try (SqlSession session = database.sqlSessionFactory().openSession(false)) {
            TransferMapper mapper = session.getMapper(TransferMapper.class);
            assertThatThrownBy(() -> mapper.writeBatchAndCommit(readEarlier))
                    .hasMessageContaining("only 0 of the 2 accounts of the batch were updated");
            session.rollback(true);
        }

        assertThat(keysStored("reads-stale")).isEmpty();
        assertThat(balanceOf(wallet.id())).isEqualTo(before.plus(Money.of("2.00")));
    }

    /**
     * A deposit into the wallet written as raw rows, with balance rows for {@code touched}, applied to the balances and
     * versions stored now.
     */
    private static BatchRows deposit(long id, String key, String amount, Long[] touched) {
        Money cashierAfter = balanceOf(cashier.id()).minus(Money.of(amount));
        Money walletBefore = balanceOf(wallet.id());
        Money walletAfter = walletBefore.plus(Money.of(amount));
        long cashierVersion = versionOf(cashier.id()) + 1;
        long walletVersion = versionOf(wallet.id()) + 1;
        Money[] balances = new Money[touched.length];
        Long[] versions = new Long[touched.length];
        Money[] readBalances = new Money[touched.length];
        Long[] readVersions = new Long[touched.length];
        for (int i = 0; i < touched.length; i++) {
            boolean isCashier = touched[i] == cashier.id();
            balances[i] = isCashier ? cashierAfter : walletAfter;
            versions[i] = isCashier ? cashierVersion : walletVersion;
            readBalances[i] = isCashier ? balanceOf(cashier.id()) : walletBefore;
            readVersions[i] = versions[i] - 1;
        }
        return new BatchRows(
                new PostingRows(new Long[] {id}, new String[] {key}, new String[] {"DEPOSIT"}, new String[] {null},
                        new String[] {null}, new String[] {null}, new String[] {"00"}, new Integer[] {1},
                        new String[] {null}, new Long[] {null}),
                new TransferRows(new Long[] {id}, new Long[] {id}, new Integer[] {0}, new String[] {"DEPOSIT"},
                        new Long[] {cashier.id()}, new Long[] {wallet.id()}, new Money[] {Money.of(amount)}),
                new EntryRows(new Long[] {cashier.id(), wallet.id()}, new Long[] {cashierVersion, walletVersion},
                        new Long[] {id, id}, new Money[] {Money.of(amount).negate(), Money.of(amount)},
                        new Money[] {balanceOf(cashier.id()), walletBefore}, new Money[] {cashierAfter, walletAfter}),
                new BalanceRows(touched, balances, versions, readBalances, readVersions),
                new FenceRows(new String[0], new Long[0]),
                NOW);
    }

    private static List<String> keysStored(String key) {
        try (SqlSession session = database.sqlSessionFactory().openSession(true)) {
            return session.getMapper(TransferMapper.class).findPostings(new String[] {key}).stream()
                    .map(StoredPosting::idempotencyKey).toList();
        }
    }

    private static Money balanceOf(long accountId) {
        try (SqlSession session = database.sqlSessionFactory().openSession(true)) {
            return session.getMapper(AccountMapper.class).findById(accountId).balance();
        }
    }

    private static long versionOf(long accountId) {
        try (SqlSession session = database.sqlSessionFactory().openSession(true)) {
            return session.getMapper(AccountMapper.class).findById(accountId).version();
        }
    }
}
