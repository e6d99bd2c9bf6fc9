package io.chipledger.ledger.audit;

import io.chipledger.ledger.Account;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.TransferKind;
import io.chipledger.ledger.db.Database;
import io.chipledger.money.Money;
import io.chipledger.ledger.postgres.PostgresLedger;
import io.chipledger.ledger.testing.SharedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.chipledger.ledger.testing.LedgerScenario.execute;
import static io.chipledger.ledger.testing.LedgerScenario.fundedWallet;
import static io.chipledger.ledger.testing.LedgerScenario.postAndWait;
import static org.assertj.core.api.Assertions.assertThat;

/** Each test tampers with the database as a superuser would, behind the ledger's back, and the audit must say so. */
class LedgerAuditorTest {

    private Database database;
    private PostgresLedger ledger;
    private LedgerAuditor auditor;
    private Account alice;
    private Account bob;

    @BeforeEach
    void playAFewHands() {
        database = SharedPostgres.freshDatabase();
        ledger = PostgresLedger.start(database);
        auditor = new LedgerAuditor(database.sqlSessionFactory());
        alice = fundedWallet(ledger, "alice", "100.00");
        bob = fundedWallet(ledger, "bob", "20.00");
        postAndWait(ledger, Posting.single("bet-1", TransferKind.BET, alice.id(), bob.id(), Money.of("7.25")));
        postAndWait(ledger, Posting.single("bet-2", TransferKind.BET, bob.id(), alice.id(), Money.of("3.10")));
    }

    @AfterEach
    void stop() {
        ledger.close();
        database.close();
    }

    @Test
    void anHonestLedgerHasNoFindings() {
        AuditReport report = auditor.audit();

        assertThat(report.findings()).isEmpty();
        assertThat(report.totals().postings()).isEqualTo(4);
        assertThat(report.totals().entries()).isEqualTo(8);
        assertThat(report.currencies()).singleElement()
                .satisfies(c -> assertThat(c.chipsInPlay()).isEqualTo(Money.of("120.00")));
        assertThat(report.summary()).contains("OK: no violations");
    }

    @Test
    void aBalanceChangedBehindTheLedgersBackIsReported() {
        execute(database.dataSource(), "UPDATE account SET balance = balance + 1 WHERE id = " + alice.id());

        AuditReport report = auditor.audit();

        assertThat(report.findingsOf(FindingKind.BALANCE_NOT_DERIVED)).singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("account " + alice.id()));
        assertThat(report.findingsOf(FindingKind.NOT_CONSERVED)).hasSize(1);
        assertThat(report.findingsOf(FindingKind.STALE_ACCOUNT)).hasSize(1);
        assertThat(report.summary()).contains("FAILED");
    }

    @Test
    void anEntryRewrittenWithItsTriggerDisabledIsReported() {
        execute(database.dataSource(),
                "ALTER TABLE entry DISABLE TRIGGER entry_append_only",
                "UPDATE entry SET amount = amount + 1, balance_after = balance_after + 1"
                        + " WHERE account_id = " + bob.id() + " AND version = 2",
                "ALTER TABLE entry ENABLE TRIGGER entry_append_only");

        AuditReport report = auditor.audit();

        assertThat(report.findingsOf(FindingKind.UNBALANCED_TRANSFER)).hasSize(1);
        assertThat(report.findingsOf(FindingKind.BROKEN_CHAIN)).singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("account " + bob.id() + " version 3"));
        assertThat(report.findingsOf(FindingKind.BALANCE_NOT_DERIVED)).hasSize(1);
    }

    @Test
    void aDeletedEntryIsReported() {
        execute(database.dataSource(),
                "ALTER TABLE entry DISABLE TRIGGER entry_append_only",
                "DELETE FROM entry WHERE account_id = " + alice.id() + " AND version = 2",
                "ALTER TABLE entry ENABLE TRIGGER entry_append_only");

        AuditReport report = auditor.audit();

        assertThat(report.findingsOf(FindingKind.UNBALANCED_TRANSFER)).hasSize(1);
        assertThat(report.findingsOf(FindingKind.BROKEN_CHAIN)).isNotEmpty();
    }

    @Test
    void aWalletForcedBelowZeroIsReported() {
        execute(database.dataSource(),
                "ALTER TABLE account DROP CONSTRAINT account_balance_non_negative",
                "UPDATE account SET balance = -5 WHERE id = " + bob.id());

        AuditReport report = auditor.audit();

        assertThat(report.findingsOf(FindingKind.NEGATIVE_BALANCE)).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("WALLET account has balance -5.00"));
    }

    @Test
    void aDuplicatedIdempotencyKeyIsReported() {
        execute(database.dataSource(),
                "ALTER TABLE posting DROP CONSTRAINT posting_idempotency_key",
                "INSERT INTO posting (id, idempotency_key, kind, content_hash, leg_count, created_at)"
                        + " VALUES (999999, 'bet-1', 'BET', '\\x00', 1, now())");

        AuditReport report = auditor.audit();

        assertThat(report.findingsOf(FindingKind.DUPLICATE_KEY)).singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("key bet-1"));
        assertThat(report.findingsOf(FindingKind.WRONG_LEG_COUNT)).singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("posting 999999"));
    }
}
