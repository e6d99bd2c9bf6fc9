package io.chipledger.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.server.ServerSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as an operator meets it: help, both option spellings, environment defaults, one-line errors. */
class PokerServerTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Terminal terminal(Map<String, String> env) {
        return Terminal.of(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env);
    }

    private int poker(String... args) {
        return PokerServer.commandLine(terminal(Map.of())).execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private ServerSettings serveSettings(Map<String, String> env, String... args) {
        ServeCommand serve = new ServeCommand(terminal(env));
        PokerServer.configure(new CommandLine(serve), terminal(env)).parseArgs(args);
        return serve.settings();
    }

    @Test
    void withNoCommandItListsTheCommandsAndStartsNothing() {
        int code = poker();

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("Usage: poker-server", "serve", "admin", "audit", "export", "verify-shuffle", "replay",
                "bots", "bench-ledger", "bench-export", "poker-server serve");
        assertThat(out()).doesNotContain("starting").doesNotContain("ready");
    }

    @Test
    void optionsWithoutACommandAreRefusedWithTheCommandTheyNeed() {
        int code = poker("--port", "9000");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("Unknown options: '--port', '9000'")
                .contains("a command comes first, e.g. poker-server serve --port 9000");
    }

    @Test
    void helpListsTheCommandsAndExitsZero() {
        assertThat(poker("--help")).isZero();
        assertThat(out()).contains("Commands:").contains("serve ").contains("verify-shuffle");
    }

    @Test
    void everyCommandHasItsOwnHelp() {
        CommandLine line = PokerServer.commandLine(terminal(Map.of()));
        for (String name : line.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            out.reset();
            assertThat(poker(name, "--help")).as(name).isZero();
            assertThat(out()).as(name).startsWith("Usage: poker-server " + name);
        }
        out.reset();
        assertThat(poker("admin", "create", "--help")).isZero();
        assertThat(out()).startsWith("Usage: poker-server admin create").contains("NAME").contains("POKER_ADMIN_PASSWORD");
    }

    @Test
    void serveHelpNamesEveryOptionAndTheEnvironmentRule() {
        assertThat(poker("serve", "--help")).isZero();

        assertThat(out()).contains("--port=PORT", "--host=HOST", "--data-dir=DIR", "--db-url=URL", "--db-user=USER",
                "--db-password=PASSWORD", "--welcome-grant=AMOUNT", "--tables=N", "--demo-bots=N", "--allowed-origin=URL",
                "--tls-cert=PEM", "--tls-key=PEM", "--admin=NAME", "POKER_DB_URL");
    }

    @Test
    void helpNeverShowsADatabasePasswordFromTheEnvironment() {
        int code = PokerServer.commandLine(terminal(Map.of("POKER_DB_PASSWORD", "hunter2-secret"))).execute("serve", "--help");

        assertThat(code).isZero();
        assertThat(out()).doesNotContain("hunter2-secret");
    }

    @Test
    void anOptionTakesItsValueAfterASpaceOrAnEqualsSign() {
        ServerSettings spaced = serveSettings(Map.of(), "--port", "9001", "--host", "127.0.0.1", "--welcome-grant", "5.00");
        ServerSettings joined = serveSettings(Map.of(), "--port=9001", "--host=127.0.0.1", "--welcome-grant=5.00");

        assertThat(joined).isEqualTo(spaced);
        assertThat(joined.port()).isEqualTo(9001);
        assertThat(joined.host()).isEqualTo("127.0.0.1");
        assertThat(joined.welcomeGrant()).isEqualTo(Money.parse("5.00"));
    }

    @Test
    void allowedOriginsRepeatOrComeCommaSeparated() {
        ServerSettings settings = serveSettings(Map.of(), "--allowed-origin", "https://a.example,https://b.example",
                "--allowed-origin=https://c.example");

        assertThat(settings.net().allowedOrigins()).containsExactlyInAnyOrder("https://a.example", "https://b.example",
                "https://c.example");
    }

    @Test
    void theEnvironmentGivesDefaultsAndTheCommandLineWins() {
        Map<String, String> env = Map.of("POKER_PORT", "9100", "POKER_HOST", "10.0.0.1");

        assertThat(serveSettings(env).port()).isEqualTo(9100);
        assertThat(serveSettings(env).host()).isEqualTo("10.0.0.1");
        assertThat(serveSettings(env, "--port=9200").port()).isEqualTo(9200);
        assertThat(serveSettings(Map.of()).port()).isEqualTo(8080);
    }

    @Test
    void aValueOutOfRangeIsOneLineNamingTheOption() {
        int code = poker("serve", "--tables=-1");

        assertThat(code).isEqualTo(2);
        assertThat(err()).startsWith("poker-server serve: --tables takes a number from 0 to 100000, not -1")
                .contains("usage: poker-server serve --help");
        assertThat(err().lines()).hasSize(2);
    }

    @Test
    void aGameNodeIsNamedAndAdvertisedAndAServerAloneIsNoNode() {
        ServerSettings node = serveSettings(Map.of(), "--node", "node-a", "--advertise", "http://10.0.0.7:8081/",
                "--port", "8081");

        assertThat(node.node().name()).isEqualTo("node-a");
        assertThat(node.node().identity().url()).isEqualTo("http://10.0.0.7:8081");
        assertThat(serveSettings(Map.of(), "--node", "node-b", "--port", "9002").node().identity().url())
                .isEqualTo("http://localhost:9002");
        assertThat(serveSettings(Map.of()).node()).isNull();
    }

    @Test
    void aNodeNameOrUrlThatCannotBeRoutedIsRefused() {
        assertThat(poker("serve", "--node", "node a")).isEqualTo(2);
        assertThat(err()).contains("a node name is 1 to 60 letters");
        err.reset();
        assertThat(poker("serve", "--node", "node-a", "--advertise", "ftp://x:1")).isEqualTo(2);
        assertThat(err()).contains("http(s)://HOST:PORT");
        err.reset();
        assertThat(poker("serve", "--advertise", "http://x:1")).isEqualTo(2);
        assertThat(err()).contains("--advertise needs --node NAME");
    }

    @Test
    void anAmountFinerThanACentIsRefusedNotRounded() {
        int code = poker("serve", "--welcome-grant", "0.001");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("--welcome-grant").contains("finer than a cent");
    }

    @Test
    void theLogFormatIsTextOrJsonInAnyCase() {
        assertThat(poker("serve", "--log-format", "xml")).isEqualTo(2);
        assertThat(err()).contains("--log-format").contains("TEXT, JSON");
        serveSettings(Map.of("POKER_LOG_FORMAT", "json"));
        serveSettings(Map.of(), "--log-format=Json");
    }

    @Test
    void aGameTheServerDoesNotDealIsRefusedBeforeAnythingStartsNamingTheOnesItDoes() {
        assertThat(poker("serve", "--game", "STUD")).isEqualTo(2);
        assertThat(err()).contains("--game: no game 'STUD': NLHE (No-Limit Hold'em) or PLO (Pot-Limit Omaha)");
        assertThat(out()).doesNotContain("starting");
        assertThat(poker("bots", "--url", "ws://127.0.0.1:1/ws", "--tables", "1", "--seconds", "1", "--game", "razz"))
                .isEqualTo(2);
        assertThat(err()).contains("--game: no game 'razz'");
    }

    @Test
    void halfATlsPairIsRefused() {
        assertThat(poker("serve", "--tls-cert", "cert.pem")).isEqualTo(2);
        assertThat(err()).contains("TLS needs both --tls-cert and --tls-key");
    }

    @Test
    void aTlsFileThatIsNotThereIsNamedBeforeAnythingStarts(@TempDir Path dir) {
        int code = poker("serve", "--tls-cert", dir.resolve("cert.pem").toString(), "--tls-key", dir.resolve("key.pem").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err()).startsWith("poker-server serve: " + dir.resolve("cert.pem") + ": no such file, or not readable");
        assertThat(out()).doesNotContain("starting");
    }

    @Test
    void aDatabaseThatRefusesTheConnectionIsOneLineNotAStackTrace() {
        int code = poker("audit", "--db-url", "jdbc:postgresql://127.0.0.1:1/nothing");

        assertThat(code).isEqualTo(1);
        assertThat(err()).startsWith("poker-server audit: database: Connection to 127.0.0.1:1 refused");
        assertThat(err().lines()).hasSize(1);
    }

    @Test
    void aMissingFileIsOneLine(@TempDir Path dir) {
        int code = poker("export", "--db-url", "jdbc:postgresql://127.0.0.1:1/x", "--format", "json");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("Missing required option: '--out=FILE'");
        err.reset();
        assertThat(poker("verify-shuffle", dir.resolve("absent.json").toString())).isEqualTo(1);
        assertThat(err()).contains("absent.json: cannot read");
    }

    @Test
    void anUnknownFormatNamesTheFormats() {
        int code = poker("export", "--format", "csv", "--out", "x");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("pokerstars, phh or json, not csv");
    }

    @Test
    void helpCommandShowsACommandsHelp() {
        assertThat(poker("help", "audit")).isZero();
        assertThat(out()).startsWith("Usage: poker-server audit");
    }

    @Test
    void everyEnvironmentVariableIsNamedAfterItsOption() {
        assertThat(EnvironmentDefaults.variable("--db-url")).isEqualTo("POKER_DB_URL");
        assertThat(EnvironmentDefaults.variable("--welcome-grant")).isEqualTo("POKER_WELCOME_GRANT");
        assertThat(List.of(EnvironmentDefaults.variable("--data-dir"))).containsExactly("POKER_DATA_DIR");
    }
}
