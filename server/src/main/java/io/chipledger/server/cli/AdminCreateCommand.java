package io.chipledger.server.cli;

import io.chipledger.ledger.db.Database;
import io.chipledger.server.account.PasswordHasher;
import io.chipledger.server.admin.FirstAdmin;
import io.chipledger.server.store.ServerSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code poker-server admin create NAME [db options]}: creates an admin account, the way the first admin comes to be.
 * The password is read from env {@code POKER_ADMIN_PASSWORD}, else asked twice on the console, else read as the first
 * line of stdin (for scripts); never from the command line (where {@code ps} would show it), and there is no default.
 */
@Command(name = "create", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Create an admin account.",
                "The password comes from env " + AdminCommand.PASSWORD_ENV + ", else is typed twice at the prompt, "
                        + "else is the first line of stdin; at least " + FirstAdmin.MIN_PASSWORD + " characters."})
final class AdminCreateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "the admin's login name")
    private String name;

    @Mixin
    private DatabaseOptions database;

    private final Terminal terminal;
    private final int passwordIterations;

    AdminCreateCommand(Terminal terminal) {
        this(terminal, PasswordHasher.DEFAULT_ITERATIONS);
    }

    AdminCreateCommand(Terminal terminal, int passwordIterations) {
        this.terminal = terminal;
        this.passwordIterations = passwordIterations;
    }

    @Override
    public Integer call() throws IOException {
        char[] password = password();
        try (Database opened = Database.openOrJoin(database.toConfig())) {
            ServerSchema.migrate(opened.dataSource());
            ServerSchema.registerMappers(opened.sqlSessionFactory());
            FirstAdmin.on(opened.sqlSessionFactory(), passwordIterations).create(name, password, "poker-server admin create", false);
            terminal.out().println("created admin " + name + " in " + database.describe()
                    + "\nlog in at http://<host>:<port>/admin (the console; the server must be running)");
            return 0;
        } catch (IllegalArgumentException refused) {
            throw new UserError(1, refused.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** From the environment, else the console (typed twice, not echoed), else stdin's first line. */
    private char[] password() throws IOException {
        String fromEnv = terminal.env().get(AdminCommand.PASSWORD_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        if (terminal.console() != null) {
            char[] first = terminal.console().readPassword("password for the new admin (at least %d characters): ",
                    FirstAdmin.MIN_PASSWORD);
            char[] again = terminal.console().readPassword("the same password again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                throw new UserError(OneLineErrors.USAGE, "the two passwords differ; nothing was created");
            }
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw new UserError(OneLineErrors.USAGE,
                    "no password: set " + AdminCommand.PASSWORD_ENV + ", type it at a console, or pipe it on stdin");
        }
        return line.toCharArray();
    }
}
