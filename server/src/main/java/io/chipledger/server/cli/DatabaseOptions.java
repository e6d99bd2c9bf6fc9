package io.chipledger.server.cli;

import io.chipledger.ledger.db.DatabaseConfig;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;

/**
 * The database options every command that opens the ledger shares (a picocli mixin): {@code --data-dir DIR} (default
 * {@code ./data}, where the embedded PostgreSQL keeps its files), or {@code --db-url URL} for an external server with
 * {@code --db-user}/{@code --db-password}. Each may come from the environment ({@code POKER_DB_URL}, ...).
 */
public final class DatabaseOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./data",
            description = "the embedded database's files")
    private Path dataDir;

    @Option(names = "--db-url", paramLabel = "URL",
            description = "use this PostgreSQL (jdbc:postgresql://HOST:PORT/DB) instead of the embedded one")
    private String url;

    @Option(names = "--db-user", paramLabel = "USER", description = "the database user")
    private String user;

    // Never shown as a default in --help: it may have come from the environment.
    @Option(names = "--db-password", paramLabel = "PASSWORD", showDefaultValue = Help.Visibility.NEVER,
            description = "the database user's password (better in env POKER_DB_PASSWORD: ps shows the command line)")
    private String password;

    public Path dataDir() {
        return dataDir;
    }

    public String url() {
        return blankToNull(url);
    }

    public String user() {
        return blankToNull(user);
    }

    public String password() {
        return password;
    }

    public DatabaseConfig toConfig() {
        try {
            return new DatabaseConfig(dataDir, url(), user(), password);
        } catch (IllegalArgumentException e) {
            throw new UserError(OneLineErrors.USAGE, e.getMessage());
        }
    }

    /**
     * Why a command that only reads the ledger cannot run here, if it cannot: with no {@code --db-url}, the data
     * directory must hold the embedded database a server made on its first start. Opening it would otherwise create an
     * empty ledger there, and an audit of a mistyped directory would report a clean ledger of no accounts.
     */
    public Optional<String> missingLedger() {
        if (url() != null || DatabaseConfig.embedded(dataDir).hasEmbeddedDatabase()) {
            return Optional.empty();
        }
        return Optional.of("no ledger in " + dataDir.toAbsolutePath().normalize() + ": a server creates its database there on its "
                + "first start (check --data-dir, or give --db-url)");
    }

    /** Refuses with one line when {@link #missingLedger()} says there is nothing here to read. */
    public void requireLedger() {
        missingLedger().ifPresent(reason -> {
            throw new UserError(OneLineErrors.USAGE, reason);
        });
    }

    /** Where the data is, for messages: the url (never the password) or the embedded data directory. */
    public String describe() {
        return url() != null ? url()
                : "embedded PostgreSQL in " + DatabaseConfig.embedded(dataDir).embeddedDirectory().toAbsolutePath().normalize();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
