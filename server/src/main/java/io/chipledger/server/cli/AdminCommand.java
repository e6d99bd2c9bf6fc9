package io.chipledger.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code poker-server admin}: the admin accounts' commands ({@code admin create NAME}); alone, it lists them. */
@Command(name = "admin", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "<command>", commandListHeading = "%nCommands:%n",
        description = "Admin accounts; the admin console is at http://HOST:PORT/admin.",
        subcommands = AdminCreateCommand.class)
public final class AdminCommand implements Callable<Integer> {

    static final String PASSWORD_ENV = "POKER_ADMIN_PASSWORD";

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return OneLineErrors.USAGE;
    }
}
