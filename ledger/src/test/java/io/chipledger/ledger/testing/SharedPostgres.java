package io.chipledger.ledger.testing;

import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.db.DatabaseConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real embedded PostgreSQL per test JVM, shared by every test class. Each class gets its own database, cloned in
 * milliseconds from a template that was migrated once, so classes never see each other's rows.
 */
public final class SharedPostgres {

    private static final String TEMPLATE = "ledger_template";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private SharedPostgres() {
    }

    /** A new, migrated, empty ledger database; the caller closes it. Its user is the superuser {@code postgres}. */
    public static Database freshDatabase() {
        String name = "ledger_test_" + DATABASES.incrementAndGet();
        execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return Database.open(DatabaseConfig.server(server().getJdbcUrl("postgres", name), "postgres", null));
    }

    /** A new database with nothing in it, not even the ledger; returns its name (see {@link #jdbcUrl}). */
    public static String emptyDatabase() {
        String name = "empty_test_" + DATABASES.incrementAndGet();
        execute("CREATE DATABASE " + name + " TEMPLATE template0");
        return name;
    }

    /** The shared server's JDBC url for a database name (e.g. to point a command at it). */
    public static String jdbcUrl(String database) {
        return server().getJdbcUrl("postgres", database);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        // Tests prove behaviour, not durability: skipping fsync keeps the suite fast on 2 cores.
                        .setServerConfig("fsync", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
            }
            executeOn(server, "CREATE DATABASE " + TEMPLATE);
            Database.open(DatabaseConfig.server(server.getJdbcUrl("postgres", TEMPLATE), "postgres", null)).close();
        }
        return server;
    }

    private static void execute(String sql) {
        executeOn(server(), sql);
    }

    private static void executeOn(EmbeddedPostgres postgres, String sql) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
