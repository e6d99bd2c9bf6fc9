package io.chipledger.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class DatabaseOptionsTest {

    /** A command with nothing but the database options, parsed as {@code poker-server} parses every command. */
    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        DatabaseOptions database;

        @Override
        public void run() {
        }
    }

    private static DatabaseOptions parse(Map<String, String> env, String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).setDefaultValueProvider(new EnvironmentDefaults(env)).parseArgs(args);
        return probe.database;
    }

    @Test
    void withNoOptionsTheEmbeddedDatabaseLivesInDotData() {
        DatabaseOptions options = parse(Map.of());

        assertThat(options.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(options.url()).isNull();
        assertThat(options.toConfig().isEmbedded()).isTrue();
    }

    @Test
    void environmentVariablesNameTheServerAndFlagsOverrideThem() {
        Map<String, String> env = Map.of("POKER_DB_URL", "jdbc:postgresql://localhost:5432/env",
                "POKER_DB_USER", "envuser", "POKER_DB_PASSWORD", "envpass", "POKER_DATA_DIR", "/srv/poker");

        DatabaseOptions fromEnv = parse(env);
        DatabaseOptions flagged = parse(env, "--db-url=jdbc:postgresql://localhost:5433/flag", "--db-user", "flaguser");

        assertThat(fromEnv.toConfig().url()).isEqualTo("jdbc:postgresql://localhost:5432/env");
        assertThat(fromEnv.user()).isEqualTo("envuser");
        assertThat(fromEnv.password()).isEqualTo("envpass");
        assertThat(fromEnv.dataDir()).isEqualTo(Path.of("/srv/poker"));
        assertThat(flagged.url()).isEqualTo("jdbc:postgresql://localhost:5433/flag");
        assertThat(flagged.user()).isEqualTo("flaguser");
        assertThat(flagged.password()).isEqualTo("envpass");
    }

    @Test
    void aBlankVariableCountsAsUnset() {
        assertThat(parse(Map.of("POKER_DB_URL", " ")).url()).isNull();
    }

    @Test
    void aLedgerIsMissingOnlyWhereNoServerEverMadeOneAndNoUrlNamesAnother(@TempDir Path dir) throws Exception {
        Path made = dir.resolve("made");
        Files.createDirectories(made.resolve("pg"));
        Files.writeString(made.resolve("pg").resolve("PG_VERSION"), "16\n");

        assertThat(parse(Map.of(), "--data-dir", made.toString()).missingLedger()).isEmpty();
        assertThat(parse(Map.of(), "--data-dir", dir.resolve("typo").toString(), "--db-url", "jdbc:postgresql://db/poker")
                .missingLedger()).isEmpty();
        assertThat(parse(Map.of(), "--data-dir", dir.resolve("typo").toString()).missingLedger())
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("no ledger in " + dir.resolve("typo")));
    }

    @Test
    void anOptionWithoutItsValueIsRefused() {
        assertThatThrownBy(() -> parse(Map.of(), "--db-url"))
                .isInstanceOf(CommandLine.MissingParameterException.class)
                .hasMessageContaining("Missing required parameter for option '--db-url'");
    }

    @Test
    void aUrlThatIsNotPostgresIsRefused() {
        DatabaseOptions options = parse(Map.of(), "--db-url", "jdbc:h2:mem:x");

        assertThatThrownBy(options::toConfig).isInstanceOf(UserError.class).hasMessageContaining("must start with jdbc:postgresql:");
    }
}
