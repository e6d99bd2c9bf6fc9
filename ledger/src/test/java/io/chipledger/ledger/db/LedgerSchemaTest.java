package io.chipledger.ledger.db;

import static io.chipledger.ledger.testing.EarlierLayout.plain;
import static io.chipledger.ledger.testing.LedgerScenario.strings;
import static io.chipledger.ledger.testing.EarlierLayout.tables;
import static io.chipledger.ledger.testing.LedgerScenario.execute;
import static io.chipledger.ledger.testing.LedgerScenario.fundedWallet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.audit.LedgerAuditor;
import io.chipledger.ledger.postgres.PostgresLedger;
import io.chipledger.ledger.testing.EarlierLayout;
import io.chipledger.ledger.testing.SharedPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The ledger in a PostgreSQL schema of its own: beside other applications' tables, and moved there from public. */
class LedgerSchemaTest {

    private static Database open(String name) {
        return Database.open(DatabaseConfig.server(SharedPostgres.jdbcUrl(name), "postgres", null));
    }

    @Test
    void aDatabaseThatHoldsAnotherApplicationsTablesTakesTheLedgerBesideThem() {
        String name = SharedPostgres.emptyDatabase();
        DataSource plain = plain(name);
        // Another application, Flyway history and all, in public: before the schema, Flyway refused this database.
        execute(plain, "CREATE TABLE orders (id int PRIMARY KEY, account text)", "INSERT INTO orders VALUES (1, 'theirs')",
                "CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, script text, success boolean)",
                "INSERT INTO flyway_schema_history VALUES (1, 'V1__their_orders.sql', true)");

        try (Database database = open(name); PostgresLedger ledger = PostgresLedger.start(database)) {
            fundedWallet(ledger, "alice", "12.34");
            assertThat(ledger.findAccount(AccountKind.WALLET, "alice", "CHP")).isPresent();
        }

        assertThat(tables(plain, "public")).containsExactly("flyway_schema_history", "orders");
        assertThat(strings(plain, "SELECT account FROM public.orders")).containsExactly("theirs");
        assertThat(tables(plain, LedgerSchema.NAME)).contains("account", "entry", "posting", "transfer", "flyway_schema_history");
    }

    @Test
    void aLedgerAnEarlierVersionKeptInPublicMovesIntoItsSchemaWithEveryChip() throws Exception {
        String name = SharedPostgres.emptyDatabase();
        DataSource plain = plain(name);
        EarlierLayout.migrateLedgerIntoPublic(plain);
        // 42.00 deposited as the ledger writes it: ids from its sequences, one entry per side, versions linked.
        execute(plain,
                "INSERT INTO account (kind, owner_ref, currency, balance, version, allow_negative) VALUES "
                        + "('CASHIER', 'house', 'CHP', -42.00, 1, true), ('WALLET', 'alice', 'CHP', 42.00, 1, false)",
                "INSERT INTO posting VALUES (nextval('posting_id_seq'), 'deposit-alice', 'DEPOSIT', NULL, NULL, NULL, "
                        + "'\\x00', 1, now())",
                "INSERT INTO transfer SELECT nextval('transfer_id_seq'), p.id, 0, 'DEPOSIT', 1, 2, 42.00, now() FROM posting p",
                "INSERT INTO entry SELECT 1, 1, t.id, -42.00, 0, -42.00, now() FROM transfer t",
                "INSERT INTO entry SELECT 2, 1, t.id, 42.00, 0, 42.00, now() FROM transfer t");

        try (Database database = open(name); PostgresLedger ledger = PostgresLedger.start(database)) {
            assertThat(ledger.balance(2)).hasToString("42.00");
            fundedWallet(ledger, "bob", "8.00"); // sequences and identities carry on where they were
            assertThat(new LedgerAuditor(database.sqlSessionFactory()).audit().clean()).isTrue();
            assertThatThrownBy(() -> execute(database.dataSource(), "UPDATE entry SET amount = 1"))
                    .hasMessageContaining("append-only");
        }

        assertThat(tables(plain, "public")).isEmpty();
        assertThat(strings(plain, "SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace")).containsExactly("0");
        assertThat(strings(plain, "SELECT version FROM " + LedgerSchema.NAME + ".flyway_schema_history WHERE success ORDER BY installed_rank"))
                .as("the history moved with the tables; nothing ran twice").startsWith("1", "2");
    }

    @Test
    void aSecondStartFindsTheSchemaAndMovesNothing() {
        String name = SharedPostgres.emptyDatabase();
        DataSource plain = plain(name);
        EarlierLayout.migrateLedgerIntoPublic(plain);
        open(name).close();

        assertThat(LedgerSchema.adoptEarlierLayout(plain)).isZero();
        open(name).close();
        assertThat(tables(plain, "public")).isEmpty();
    }
}
