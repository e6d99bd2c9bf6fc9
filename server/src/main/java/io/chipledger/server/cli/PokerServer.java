package io.chipledger.server.cli;

import io.chipledger.money.Money;
import io.chipledger.server.history.export.ExportFormat;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The runnable jar's entry point: {@code poker-server <command> [options]}. With no command it lists the commands and
 * starts nothing (a server never starts by surprise). Every command parses the same way (picocli): {@code --opt value}
 * or {@code --opt=value}, {@code --help} on each, environment defaults ({@link EnvironmentDefaults}), and one-line errors
 * ({@link OneLineErrors}). A new command is a small class added to {@code subcommands} below.
 */
@Command(name = "poker-server", mixinStandardHelpOptions = true, versionProvider = JarVersion.class,
        description = "A poker game server whose chips live in a double-entry ledger on PostgreSQL.",
        synopsisSubcommandLabel = "<command>",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Start the server with: poker-server serve   (poker-server <command> --help for its options)"},
        subcommands = {
                ServeCommand.class,
                AdminCommand.class,
                AuditCommand.class,
                ExportCommand.class,
                VerifyShuffleCommand.class,
                ReplayCommand.class,
                BotsCommand.class,
                BenchLedgerCommand.class,
                ClusterProbeCommand.class,
                BenchExportCommand.class,
                AttackCommand.class,
                CommandLine.HelpCommand.class})
public final class PokerServer implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** No command: the list of commands, on stderr, and the usage exit code. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return OneLineErrors.USAGE;
    }

    public static void main(String[] args) {
        int code = commandLine(Terminal.system()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The whole command line, every command created with {@code terminal}. */
    public static CommandLine commandLine(Terminal terminal) {
        return configure(new CommandLine(PokerServer.class, new Factory(terminal)), terminal);
    }

    /** One command on its own (tests build commands with what they need): parses {@code args} and runs it. */
    public static int run(Object command, Terminal terminal, List<String> args) {
        return configure(new CommandLine(command, new Factory(terminal)), terminal).execute(args.toArray(String[]::new));
    }

    /** The parsing every command shares: streams, environment defaults, one-line errors, converters. */
    static CommandLine configure(CommandLine line, Terminal terminal) {
        // Help and errors are ASCII; a name in a message is written as UTF-8, as every other output of ours.
        line.setOut(new PrintWriter(new OutputStreamWriter(terminal.out(), StandardCharsets.UTF_8), true))
                .setErr(new PrintWriter(new OutputStreamWriter(terminal.err(), StandardCharsets.UTF_8), true))
                .setDefaultValueProvider(new EnvironmentDefaults(terminal.env()))
                .setParameterExceptionHandler(new OneLineErrors())
                .setExecutionExceptionHandler(new OneLineErrors())
                .setUsageHelpLongOptionsMaxWidth(30)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .registerConverter(Money.class, PokerServer::money)
                .registerConverter(ExportFormat.class, PokerServer::format);
        String environment = "Each --option may also be set in the environment as POKER_OPTION (--db-url as POKER_DB_URL);"
                + " the command line wins.";
        for (CommandLine command : everyCommand(line)) {
            if (command.getCommandSpec().options().stream().anyMatch(o -> o.longestName().startsWith("--")
                    && !o.usageHelp() && !o.versionHelp())) {
                List<String> footer = new java.util.ArrayList<>(List.of(command.getCommandSpec().usageMessage().footer()));
                footer.add("");
                footer.add(environment);
                command.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
            }
        }
        return line;
    }

    private static List<CommandLine> everyCommand(CommandLine line) {
        List<CommandLine> all = new java.util.ArrayList<>(List.of(line));
        line.getSubcommands().values().forEach(sub -> all.addAll(everyCommand(sub)));
        return all;
    }

    private static Money money(String text) {
        try {
            return Money.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    private static ExportFormat format(String text) {
        try {
            return ExportFormat.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** Creates each command with the terminal it runs in, when it takes one. */
    private record Factory(Terminal terminal) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == Terminal.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(terminal));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
