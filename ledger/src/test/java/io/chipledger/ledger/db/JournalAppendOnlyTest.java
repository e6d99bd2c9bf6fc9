package io.chipledger.ledger.db;

import io.chipledger.ledger.Account;
import io.chipledger.ledger.audit.LedgerAuditor;
import io.chipledger.ledger.postgres.PostgresLedger;
import io.chipledger.ledger.testing.SharedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

import static io.chipledger.ledger.testing.LedgerScenario.fundedWallet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalAppendOnlyTest {

    private static Database database;
    private static PostgresLedger ledger;
    private static Account wallet;

    @BeforeAll
    static void recordOneDeposit() {
        database = SharedPostgres.freshDatabase();
        ledger = PostgresLedger.start(database);
        wallet = fundedWallet(ledger, "alice", "50.00");
    }

    @AfterAll
    static void stop() {
        ledger.close();
        database.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "UPDATE entry SET amount = 1000, balance_after = balance_before + 1000",
            "DELETE FROM entry",
            "UPDATE transfer SET amount = 1000",
            "DELETE FROM transfer",
            "UPDATE posting SET idempotency_key = 'rewritten'",
            "DELETE FROM posting",
            "TRUNCATE entry"})
    void theDatabaseRefusesToRewriteHistory(String sql) throws SQLException {
        Map<Long, String> before = balances();

        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute(sql))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("the ledger journal is append-only")
                    .hasMessageContaining("is refused");
        }

        assertThat(balances()).isEqualTo(before).containsEntry(wallet.id(), "50.00");
        assertThat(ledger.entries(wallet.id())).hasSize(1);
        assertThat(new LedgerAuditor(database.sqlSessionFactory()).audit().findings()).isEmpty();
    }

    private static Map<Long, String> balances() throws SQLException {
        Map<Long, String> balances = new TreeMap<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, balance FROM account")) {
            while (r.next()) {
                balances.put(r.getLong(1), r.getBigDecimal(2).toPlainString());
            }
        }
        return balances;
    }
}
