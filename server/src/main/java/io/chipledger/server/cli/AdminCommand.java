package io.chipledger.server.cli;

import io.chipledger.ledger.db.Database;
import io.chipledger.server.account.PasswordHasher;
import io.chipledger.server.admin.FirstAdmin;
import io.chipledger.server.store.ServerSchema;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code poker-server admin create NAME [db options]}: creates an admin account, the way the first admin comes to be.
 * The password is read from env {@code POKER_ADMIN_PASSWORD}, else asked twice on the console, else read as the first
 * line of stdin (for scripts); never from the command line (where {@code ps} would show it), and there is no default.
 */
public final class AdminCommand implements Command {

    static final String PASSWORD_ENV = "POKER_ADMIN_PASSWORD";
    static final String USAGE = "poker-server admin create NAME " + DatabaseOptions.USAGE
            + "\n  password: env " + PASSWORD_ENV + ", or typed at the prompt, or the first line of stdin";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final InputStream stdin;
    private final Console console;
    private final int passwordIterations;

    public AdminCommand() {
        this(System.out, System.err, System.getenv(), System.in, System.console(), PasswordHasher.DEFAULT_ITERATIONS);
    }

    AdminCommand(PrintStream out, PrintStream err, Map<String, String> env, InputStream stdin, Console console,
                 int passwordIterations) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.stdin = stdin;
        this.console = console;
        this.passwordIterations = passwordIterations;
    }

    @Override
    public String name() {
        return "admin";
    }

    @Override
    public String summary() {
        return "create an admin account (admin create NAME); the admin console is at /admin";
    }

    @Override
    public int run(List<String> args) {
        DatabaseOptions options;
        try {
            options = DatabaseOptions.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("admin: " + e.getMessage() + "\nusage: " + USAGE);
            return 2;
        }
        List<String> rest = options.remaining();
        if (rest.size() != 2 || !rest.get(0).equals("create") || rest.get(1).startsWith("-")) {
            err.println("admin: expected 'create NAME', got " + rest + "\nusage: " + USAGE);
            return 2;
        }
        String name = rest.get(1);
        char[] password;
        try {
            password = password();
        } catch (IllegalArgumentException | IOException e) {
            err.println("admin: " + e.getMessage());
            return 2;
        }
        try (Database database = Database.open(options.toConfig())) {
            ServerSchema.migrate(database.dataSource());
            ServerSchema.registerMappers(database.sqlSessionFactory());
            FirstAdmin.on(database.sqlSessionFactory(), passwordIterations).create(name, password, "poker-server admin create", false);
            out.println("created admin " + name + " in " + options.describe()
                    + "\nlog in at http://<host>:<port>/admin (the console; the server must be running)");
            return 0;
        } catch (IllegalArgumentException refused) {
            err.println("admin: " + refused.getMessage());
            return 1;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** From the environment, else the console (typed twice, not echoed), else stdin's first line. */
    private char[] password() throws IOException {
        String fromEnv = env.get(PASSWORD_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        if (console != null) {
            char[] first = console.readPassword("password for the new admin (at least %d characters): ", FirstAdmin.MIN_PASSWORD);
            char[] again = console.readPassword("the same password again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                throw new IllegalArgumentException("the two passwords differ; nothing was created");
            }
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException("no password: set " + PASSWORD_ENV + ", type it at a console, or pipe it on stdin");
        }
        return line.toCharArray();
    }
}
