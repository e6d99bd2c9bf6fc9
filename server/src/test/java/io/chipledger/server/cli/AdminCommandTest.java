package io.chipledger.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.testing.LedgerScenario;
import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.server.account.PasswordHasher;
import io.chipledger.server.account.Player;
import io.chipledger.server.account.PlayerDirectory;
import io.chipledger.server.account.SessionTokens;
import io.chipledger.server.store.ServerSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code poker-server admin create NAME} against a real PostgreSQL: how the first admin comes to be, and when it does not. */
class AdminCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Database database;
    private List<String> dbArgs;

    @BeforeEach
    void freshDatabase() {
        database = SharedPostgres.freshDatabase();
        dbArgs = List.of("--db-url", database.jdbcUrl(), "--db-user", "postgres");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private int admin(Map<String, String> env, String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(dbArgs);
        Terminal terminal = terminal(env, stdin);
        return PokerServer.run(new AdminCreateCommand(terminal, PasswordHasher.MIN_ITERATIONS), terminal, all);
    }

    private Terminal terminal(Map<String, String> env, String stdin) {
        return new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null);
    }

    private PlayerDirectory players() {
        ServerSchema.migrate(database.dataSource());
        ServerSchema.registerMappers(database.sqlSessionFactory());
        return new PlayerDirectory(database.sqlSessionFactory(), new PasswordHasher(PasswordHasher.MIN_ITERATIONS, new SecureRandom()),
                new SessionTokens(new SecureRandom()), Clock.systemUTC(), Duration.ofHours(1), Runnable::run);
    }

    private List<String> rows(String sql) {
        return LedgerScenario.strings(database.dataSource(), sql);
    }

    @Test
    void createsAnAdminWithThePasswordFromTheEnvironmentAndLogsIt() throws Exception {
        int code = admin(Map.of("POKER_ADMIN_PASSWORD", "correct horse battery"), "", "boss");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("created admin boss").contains("/admin");
        PlayerDirectory.Login login = players().login("boss", "correct horse battery").join().orElseThrow();
        assertThat(login.player().role()).isEqualTo(Player.Role.ADMIN);
        assertThat(rows("SELECT action || ' ' || target || ' by ' || admin_name FROM admin_audit_log"))
                .singleElement().asString().startsWith("ADMIN_CREATE player:" + login.player().id() + " by command line");
    }

    @Test
    void readsThePasswordFromStdinWhenThereIsNoConsole() {
        int code = admin(Map.of(), "typed-into-a-pipe\n", "boss");

        assertThat(code).as(err.toString()).isZero();
        assertThat(players().login("boss", "typed-into-a-pipe").join()).isPresent();
    }

    @Test
    void thereIsNoDefaultPasswordWithoutOneNothingIsCreated() throws Exception {
        int code = admin(Map.of(), "", "boss");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("no password").contains("POKER_ADMIN_PASSWORD");
        players(); // the schema exists, so the check below reads a real (empty) table
        assertThat(rows("SELECT name FROM player")).isEmpty();
    }

    @Test
    void aShortPasswordIsRefused() throws Exception {
        int code = admin(Map.of("POKER_ADMIN_PASSWORD", "short"), "", "boss");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("at least 12 characters");
        assertThat(rows("SELECT name FROM player")).isEmpty();
    }

    @Test
    void aNameAPlayerAlreadyHoldsIsNeverPromoted() throws Exception {
        assertThat(players().register("alice", "alice-password", Player.Role.PLAYER).join().ok()).isTrue();

        int code = admin(Map.of("POKER_ADMIN_PASSWORD", "correct horse battery"), "", "alice");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("belongs to a player");
        assertThat(rows("SELECT role FROM player WHERE name = 'alice'")).containsExactly("PLAYER");
    }

    @Test
    void anythingButCreateNameIsRefusedWithTheAdminCommandsUsage() {
        int code = PokerServer.commandLine(terminal(Map.of(), "")).execute("admin", "delete", "boss");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("poker-server admin: ").contains("usage: poker-server admin");
    }

    @Test
    void serveWithAnAdminButNoPasswordInTheEnvironmentRefusesToStart() {
        Terminal terminal = terminal(Map.of(), "");
        int code = PokerServer.run(new ServeCommand(terminal), terminal, List.of("--admin", "boss", "--port", "0"));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--admin boss needs the password in env POKER_ADMIN_PASSWORD");
    }
}
