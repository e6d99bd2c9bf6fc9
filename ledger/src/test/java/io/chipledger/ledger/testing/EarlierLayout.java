package io.chipledger.ledger.testing;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database as versions before the ledger's own schema left it: the landed migrations applied with Flyway's defaults,
 * so every table, sequence, function and both Flyway histories are in {@code public}. Its migrations are the ones
 * that existed then (ledger V1-V2), never newer ones, which only ever ran into the schema of our own.
 */
public final class EarlierLayout {

    /** The last ledger migration versions before the move to a schema of our own. */
    public static final String LAST_LEDGER_VERSION = "2";

    private EarlierLayout() {
    }

    /** A plain connection to a database of the shared server, with the server's default search path. */
    public static DataSource plain(String database) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(SharedPostgres.jdbcUrl(database));
        source.setUser("postgres");
        return source;
    }

    /** Applies the ledger's migrations as earlier versions did: into {@code public}, history in public.flyway_schema_history. */
    public static void migrateLedgerIntoPublic(DataSource plain) {
        Flyway.configure().dataSource(plain).locations("classpath:db/migration").target(LAST_LEDGER_VERSION).load().migrate();
    }

    /** Names of the tables in a schema, in order. */
    public static List<String> tables(DataSource plain, String schema) {
        return LedgerScenario.strings(plain, "SELECT tablename FROM pg_tables WHERE schemaname = '" + schema + "' ORDER BY tablename");
    }
}
