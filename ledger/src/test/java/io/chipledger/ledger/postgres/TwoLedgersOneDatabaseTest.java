package io.chipledger.ledger.postgres;

import io.chipledger.ledger.Account;
import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Entry;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.PostingResult.Committed;
import io.chipledger.ledger.PostingResult.Rejected;
import io.chipledger.ledger.PostingResult.Replayed;
import io.chipledger.ledger.RejectReason;
import io.chipledger.ledger.TransferKind;
import io.chipledger.ledger.audit.LedgerAuditor;
import io.chipledger.ledger.db.Database;
import io.chipledger.money.Money;
import io.chipledger.ledger.testing.SharedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two ledgers on one database, as two server processes would be. Each ledger's writers remember the accounts they
 * last wrote and skip locking them; these tests move an account, or commit a key, behind the first ledger's back and
 * check that its next posting is decided on what the database holds, not on what it remembered.
 */
class TwoLedgersOneDatabaseTest {

    private Database database;
    private PostgresLedger here;
    private PostgresLedger elsewhere;
    private Account cashier;
    private Account alice;
    private Account bob;

    @BeforeEach
    void start() {
        database = SharedPostgres.freshDatabase();
        here = PostgresLedger.start(database);
        elsewhere = PostgresLedger.start(database);
        cashier = here.openAccount(AccountKind.CASHIER, "house", "CHP");
        alice = here.openAccount(AccountKind.WALLET, "alice", "CHP");
        bob = here.openAccount(AccountKind.WALLET, "bob", "CHP");
        // Both ledgers now remember cashier and alice.
        assertThat(post(here, deposit("fund-alice", "100.00"))).isInstanceOf(Committed.class);
        assertThat(post(elsewhere, deposit("fund-alice-more", "1.00"))).isInstanceOf(Committed.class);
        assertThat(post(here, bet("warm-up", "1.00"))).isInstanceOf(Committed.class);
    }

    @AfterEach
    void stop() {
        here.close();
        elsewhere.close();
        database.close();
    }

    @Test
    void aPostingToRememberedAccountsIsWrittenInOneRoundTrip() {
        PostgresLedger.LedgerStats before = here.stats();

        assertThat(post(here, bet("remembered", "2.00"))).isInstanceOf(Committed.class);

        PostgresLedger.LedgerStats after = here.stats();
        assertThat(after.oneRoundTripAttempts() - before.oneRoundTripAttempts()).isEqualTo(1);
        assertThat(after.lockedAttempts()).isEqualTo(before.lockedAttempts());
        assertThat(here.balance(alice.id())).isEqualTo(Money.of("98.00"));
    }

    @Test
    void aPostingAfterTheAccountMovedElsewhereStartsFromTheStoredBalance() {
        assertThat(post(elsewhere, bet("elsewhere", "30.00"))).isInstanceOf(Committed.class);
        PostgresLedger.LedgerStats before = here.stats();

        assertThat(post(here, bet("here", "20.00"))).isInstanceOf(Committed.class);

        // Tried from memory, refused by the database, applied again under locks.
        assertThat(here.stats().refusedWrites() - before.refusedWrites()).isEqualTo(1);
        assertThat(here.stats().lockedAttempts() - before.lockedAttempts()).isEqualTo(1);

        assertThat(here.balance(alice.id())).isEqualTo(Money.of("50.00"));
        assertThat(here.balance(bob.id())).isEqualTo(Money.of("51.00"));
        assertChainUnbroken(alice);
        assertThat(new LedgerAuditor(database.sqlSessionFactory()).audit().findings()).isEmpty();
    }

    @Test
    void aKeyCommittedElsewhereIsReplayedNotAppliedAgain() {
        Committed first = (Committed) post(elsewhere, bet("once", "10.00"));

        PostingResult again = post(here, bet("once", "10.00"));

        assertThat(again).isEqualTo(new Replayed(first.postingId(), first.transferIds()));
        assertThat(here.balance(alice.id())).isEqualTo(Money.of("90.00"));
        assertChainUnbroken(alice);
    }

    @Test
    void fundsAreJudgedOnTheStoredBalance() {
        assertThat(post(elsewhere, bet("drain", "100.00"))).isInstanceOf(Committed.class);

        PostingResult overdraw = post(here, bet("overdraw", "5.00"));

        assertThat(overdraw).isInstanceOf(Rejected.class);
        assertThat(((Rejected) overdraw).reason()).isEqualTo(RejectReason.INSUFFICIENT_FUNDS);
        assertThat(here.balance(alice.id())).isEqualTo(Money.ZERO);
        assertThat(post(elsewhere, deposit("refill", "5.00"))).isInstanceOf(Committed.class);
        assertThat(post(here, bet("after-refill", "5.00"))).isInstanceOf(Committed.class);
        assertThat(here.balance(alice.id())).isEqualTo(Money.ZERO);
        assertChainUnbroken(alice);
    }

    @Test
    void aBalanceChangedBehindTheLedgersBackIsNeitherTrustedNorErased() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE account SET balance = balance + 5 WHERE id = " + alice.id());
        }

        assertThat(post(here, bet("after-tamper", "10.00"))).isInstanceOf(Committed.class);

        // Applied to the stored 105.00, not to the remembered 100.00: the audit still sees the 5.00 that came from
        // nowhere, where writing the remembered balance would have hidden it.
        assertThat(here.balance(alice.id())).isEqualTo(Money.of("95.00"));
        assertThat(new LedgerAuditor(database.sqlSessionFactory()).audit().findings()).isNotEmpty();
    }

    /** Every entry starts from the balance the one before it left, version after version. */
    private void assertChainUnbroken(Account account) {
        List<Entry> entries = here.entries(account.id());
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).version()).isEqualTo(i + 1);
            if (i > 0) {
                assertThat(entries.get(i).balanceBefore()).isEqualTo(entries.get(i - 1).balanceAfter());
            }
        }
        assertThat(entries.get(entries.size() - 1).balanceAfter()).isEqualTo(here.balance(account.id()));
    }

    private Posting deposit(String key, String amount) {
        return Posting.single(key, TransferKind.DEPOSIT, cashier.id(), alice.id(), Money.of(amount));
    }

    private Posting bet(String key, String amount) {
        return Posting.single(key, TransferKind.BET, alice.id(), bob.id(), Money.of(amount));
    }

    private static PostingResult post(PostgresLedger ledger, Posting posting) {
        try {
            return ledger.post(posting).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
