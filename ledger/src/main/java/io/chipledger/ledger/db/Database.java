package io.chipledger.ledger.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.chipledger.ledger.mapper.MyBatisConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.ibatis.session.SqlSessionFactory;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * The ledger's PostgreSQL, migrated and pooled: an embedded server whose files survive restarts in
 * {@code dataDir/pg}, or an external one named by url. Closing it closes the pool and stops the embedded server.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    static final String EMBEDDED_DATABASE = "chipledger";
    private static final int POOL_SIZE = 10;

    private final EmbeddedPostgres embedded;
    private final HikariDataSource dataSource;
    private final SqlSessionFactory sqlSessionFactory;
    private final CommitWatch commits = new CommitWatch();
    /** Stops the embedded PostgreSQL when the JVM exits without {@link #close}; null for a server we only connect to. */
    private final Thread stopOnExit;
    private boolean closed;

    private Database(EmbeddedPostgres embedded, HikariDataSource dataSource) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.sqlSessionFactory = MyBatisConfiguration.sessionFactory(dataSource);
        this.stopOnExit = embedded == null ? null : new Thread(this::close, "embedded-postgres-stop");
        if (stopOnExit != null) {
            Runtime.getRuntime().addShutdownHook(stopOnExit);
        }
    }

    /**
     * Starts (or connects to) the server, applies pending migrations and opens the pool. An embedded database that a
     * running server holds is refused ({@link DataDirectoryInUseException}): two servers must never share one ledger.
     */
    public static Database open(DatabaseConfig config) {
        EmbeddedPostgres embedded = null;
        try {
            String url = config.url();
            String user = config.user();
            if (config.isEmbedded()) {
                embedded = startEmbedded(config.embeddedDirectory());
                url = embedded.getJdbcUrl("postgres", EMBEDDED_DATABASE);
                user = "postgres";
            }
            return connect(embedded, url, user, config.password());
        } catch (RuntimeException e) {
            stopQuietly(embedded);
            throw e;
        }
    }

    /**
     * Like {@link #open}, but an embedded database that a running server already started on the data directory is
     * joined rather than refused: for the command line's tools ({@code admin create}, {@code audit}, {@code export}),
     * which read and write through the database as any client does and leave that server's PostgreSQL running.
     */
    public static Database openOrJoin(DatabaseConfig config) {
        if (config.isEmbedded()) {
            OptionalInt port = RunningPostmaster.portHeldByLiveServer(config.embeddedDirectory());
            if (port.isPresent()) {
                LOG.info("the server running on {} holds its database; joining it on port {}", config.dataDir(), port.getAsInt());
                return connect(null, "jdbc:postgresql://localhost:" + port.getAsInt() + "/" + EMBEDDED_DATABASE, "postgres", null);
            }
        }
        return open(config);
    }

    private static Database connect(EmbeddedPostgres embedded, String url, String user, String password) {
        HikariDataSource pool = pool(url, user, password);
        try {
            LedgerSchema.adoptEarlierLayout(pool);
            migrate(pool);
            return new Database(embedded, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public SqlSessionFactory sqlSessionFactory() {
        return sqlSessionFactory;
    }

    /** The commits in flight on this database, and how long the oldest has waited (see {@link CommitWatch}). */
    public CommitWatch commits() {
        return commits;
    }

    /** The user the pool connects as (for a watcher of its own, {@link DatabaseAvailability}). */
    public String user() {
        return dataSource.getUsername();
    }

    /** The password the pool connects with, or null. */
    public String password() {
        return dataSource.getPassword();
    }

    /** The JDBC url the pool connects to (for messages and tools; it carries no password). */
    public String jdbcUrl() {
        return dataSource.getJdbcUrl();
    }

    /**
     * For an owner whose own shutdown hook still needs the database (a server voiding its hands, cashing players out)
     * and closes it last: the JVM runs shutdown hooks all at once, so the embedded PostgreSQL must not have one of its
     * own that stops it under the owner's feet.
     */
    public void leaveShutdownToOwner() {
        if (stopOnExit != null) {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        dataSource.close();
        stopQuietly(embedded);
        if (stopOnExit != null && Thread.currentThread() != stopOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to; it finds the database closed
            }
        }
    }

    private static EmbeddedPostgres startEmbedded(Path pgDir) {
        try {
            Files.createDirectories(pgDir);
            new OrphanedPostmasterReaper(Duration.ofSeconds(30)).stopOrphan(pgDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(false)
                    // zonky defaults to synchronous_commit=off, which could lose committed chips in a crash.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Its own shutdown hook would stop PostgreSQL while the server's hook still writes (see stopOnExit).
                    .setRegisterShutdownHook(false)
                    .start();
            ensureDatabaseExists(postgres);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + pgDir, e);
        }
    }

    private static void ensureDatabaseExists(EmbeddedPostgres postgres) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            boolean exists;
            try (ResultSet r = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + EMBEDDED_DATABASE + "'")) {
                exists = r.next();
            }
            if (!exists) {
                s.execute("CREATE DATABASE " + EMBEDDED_DATABASE);
                LOG.info("created database {}", EMBEDDED_DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + EMBEDDED_DATABASE + ": " + e.getMessage(), e);
        }
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url);
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(POOL_SIZE);
        hikari.setPoolName("ledger");
        // Every statement works in our own schema; other applications' tables in the same database are never seen.
        hikari.setSchema(LedgerSchema.NAME);
        hikari.setAutoCommit(true);
        // A request waiting for a connection to a database that went away is answered (refused) within seconds.
        hikari.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        // The ledger's guarantee depends on durable commits, whatever the server's default.
        // A transaction left open by a paused process (a node stopped between a batch's lock and its write) would
        // hold its table leases FOR SHARE and keep any other node from taking them over: the server ends it. Only an
        // idle transaction: a COMMIT waiting for a standby is never cancelled (that would show an unreplicated row).
        hikari.setConnectionInitSql("SET synchronous_commit = on; SET idle_in_transaction_session_timeout = '15s'");
        return new HikariDataSource(hikari);
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .schemas(LedgerSchema.NAME)
                .defaultSchema(LedgerSchema.NAME)
                .createSchemas(true)
                .load()
                .migrate();
    }

    private static void stopQuietly(EmbeddedPostgres embedded) {
        if (embedded == null) {
            return;
        }
        try {
            embedded.close();
        } catch (IOException e) {
            LOG.error("could not stop the embedded PostgreSQL", e);
        }
    }
}
