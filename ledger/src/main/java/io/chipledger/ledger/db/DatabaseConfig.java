package io.chipledger.ledger.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the ledger's database lives. With no {@code url}, an embedded PostgreSQL keeps its files in {@code dataDir/pg};
 * with a url, that server is used and {@code dataDir} is not touched.
 *
 * @param url      a {@code jdbc:postgresql://} url, or null for the embedded server
 * @param user     null for the embedded server's superuser {@code postgres}
 * @param password null when the server needs none
 */
public record DatabaseConfig(Path dataDir, String url, String user, String password) {

    public DatabaseConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("database url must start with jdbc:postgresql:, was " + url);
        }
    }

    public static DatabaseConfig embedded(Path dataDir) {
        return new DatabaseConfig(dataDir, null, null, null);
    }

    public static DatabaseConfig server(String url, String user, String password) {
        return new DatabaseConfig(Path.of("."), url, user, password);
    }

    public boolean isEmbedded() {
        return url == null;
    }

    /** Where the embedded PostgreSQL keeps its files. */
    public Path embeddedDirectory() {
        return dataDir.resolve("pg");
    }

    /** Whether an embedded PostgreSQL has made its files here before (a server does on its first start). */
    public boolean hasEmbeddedDatabase() {
        return Files.isRegularFile(embeddedDirectory().resolve("PG_VERSION"));
    }
}
