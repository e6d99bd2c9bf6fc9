package io.chipledger.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseOptionsTest {

    @Test
    void withNoOptionsTheEmbeddedDatabaseLivesInDotData() {
        DatabaseOptions options = DatabaseOptions.parse(List.of(), Map.of());

        assertThat(options.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(options.url()).isNull();
        assertThat(options.toConfig().isEmbedded()).isTrue();
    }

    @Test
    void environmentVariablesNameTheServerAndFlagsOverrideThem() {
        Map<String, String> env = Map.of("POKER_DB_URL", "jdbc:postgresql://localhost:5432/env",
                "POKER_DB_USER", "envuser", "POKER_DB_PASSWORD", "envpass");

        DatabaseOptions fromEnv = DatabaseOptions.parse(List.of(), env);
        DatabaseOptions flagged = DatabaseOptions.parse(
                List.of("--db-url=jdbc:postgresql://localhost:5433/flag", "--db-user", "flaguser"), env);

        assertThat(fromEnv.toConfig().url()).isEqualTo("jdbc:postgresql://localhost:5432/env");
        assertThat(fromEnv.user()).isEqualTo("envuser");
        assertThat(fromEnv.password()).isEqualTo("envpass");
        assertThat(flagged.url()).isEqualTo("jdbc:postgresql://localhost:5433/flag");
        assertThat(flagged.user()).isEqualTo("flaguser");
        assertThat(flagged.password()).isEqualTo("envpass");
    }

    @Test
    void otherArgumentsAreLeftInOrderForTheCommand() {
        DatabaseOptions options = DatabaseOptions.parse(
                List.of("--seconds", "5", "--data-dir", "/var/poker", "--tables=7"), Map.of());

        assertThat(options.dataDir()).isEqualTo(Path.of("/var/poker"));
        assertThat(options.remaining()).containsExactly("--seconds", "5", "--tables=7");
    }

    @Test
    void aLedgerIsMissingOnlyWhereNoServerEverMadeOneAndNoUrlNamesAnother(@TempDir Path dir) throws Exception {
        Path made = dir.resolve("made");
        Files.createDirectories(made.resolve("pg"));
        Files.writeString(made.resolve("pg").resolve("PG_VERSION"), "16\n");

        assertThat(DatabaseOptions.parse(List.of("--data-dir", made.toString()), Map.of()).missingLedger()).isEmpty();
        assertThat(DatabaseOptions.parse(List.of("--data-dir", dir.resolve("typo").toString(), "--db-url",
                "jdbc:postgresql://db/poker"), Map.of()).missingLedger()).isEmpty();
        assertThat(DatabaseOptions.parse(List.of("--data-dir", dir.resolve("typo").toString()), Map.of()).missingLedger())
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("no ledger in " + dir.resolve("typo")));
    }

    @Test
    void anOptionWithoutItsValueIsRefused() {
        assertThatThrownBy(() -> DatabaseOptions.parse(List.of("--db-url"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--db-url needs a value");
    }

    @Test
    void aUrlThatIsNotPostgresIsRefused() {
        DatabaseOptions options = DatabaseOptions.parse(List.of("--db-url", "jdbc:h2:mem:x"), Map.of());

        assertThatThrownBy(options::toConfig).hasMessageContaining("must start with jdbc:postgresql:");
    }
}
