package io.chipledger.server.cli;

import io.chipledger.ledger.db.DatabaseConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The database options every command that opens the ledger shares: {@code --data-dir DIR} (default {@code ./data},
 * where the embedded PostgreSQL keeps its files), {@code --db-url URL} or env {@code POKER_DB_URL} for an external
 * server, {@code --db-user}/{@code --db-password} or env {@code POKER_DB_USER}/{@code POKER_DB_PASSWORD}.
 * Options may be written {@code --name value} or {@code --name=value}; a flag beats its environment variable.
 *
 * @param remaining the arguments that are not database options, in order, for the command to parse
 */
public record DatabaseOptions(Path dataDir, String url, String user, String password, List<String> remaining) {

    public static final String USAGE = "[--data-dir DIR] [--db-url URL] [--db-user USER] [--db-password PASSWORD]";

    public DatabaseOptions {
        remaining = List.copyOf(remaining);
    }

    /** Reads the database options out of {@code args}; throws {@link IllegalArgumentException} on a missing value. */
    public static DatabaseOptions parse(List<String> args, Map<String, String> env) {
        String dataDir = "./data";
        String url = blankToNull(env.get("POKER_DB_URL"));
        String user = blankToNull(env.get("POKER_DB_USER"));
        String password = blankToNull(env.get("POKER_DB_PASSWORD"));
        List<String> remaining = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!List.of("--data-dir", "--db-url", "--db-user", "--db-password").contains(name)) {
                remaining.add(arg);
                continue;
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            switch (name) {
                case "--data-dir" -> dataDir = value;
                case "--db-url" -> url = blankToNull(value);
                case "--db-user" -> user = blankToNull(value);
                default -> password = value;
            }
        }
        return new DatabaseOptions(Path.of(dataDir), url, user, password, remaining);
    }

    /** Parses with the process environment. */
    public static DatabaseOptions parse(List<String> args) {
        return parse(args, System.getenv());
    }

    public DatabaseConfig toConfig() {
        return new DatabaseConfig(dataDir, url, user, password);
    }

    /**
     * Why a command that only reads the ledger cannot run here, if it cannot: with no {@code --db-url}, the data
     * directory must hold the embedded database a server made on its first start. Opening it would otherwise create an
     * empty ledger there, and an audit of a mistyped directory would report a clean ledger of no accounts.
     */
    public Optional<String> missingLedger() {
        if (url != null || DatabaseConfig.embedded(dataDir).hasEmbeddedDatabase()) {
            return Optional.empty();
        }
        return Optional.of("no ledger in " + dataDir.toAbsolutePath().normalize() + ": a server creates its database there on its "
                + "first start (check --data-dir, or give --db-url)");
    }

    /** Where the data is, for messages: the url (never the password) or the embedded data directory. */
    public String describe() {
        return url != null ? url
                : "embedded PostgreSQL in " + DatabaseConfig.embedded(dataDir).embeddedDirectory().toAbsolutePath().normalize();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
