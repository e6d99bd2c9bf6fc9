package io.chipledger.server.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The runnable jar's entry point: {@code poker-server <command> [options]}, {@code serve} when no command is given. */
public final class PokerServer {

    private final Map<String, Command> commands = new LinkedHashMap<>();

    PokerServer(List<Command> available) {
        available.forEach(c -> commands.put(c.name(), c));
    }

    static PokerServer withAllCommands() {
        List<Command> all = new ArrayList<>();
        // Each subcommand registers here, in the order the usage text lists them.
        all.add(new ServeCommand());
        all.add(new ReplayCommand());
        all.add(new AuditCommand());
        all.add(new AdminCommand());
        all.add(new BenchLedgerCommand());
        all.add(new BotsCommand());
        all.add(new ExportCommand());
        all.add(new VerifyShuffleCommand());
        all.add(new BenchExportCommand());
        return new PokerServer(all);
    }

    public static void main(String[] args) throws Exception {
        int code = withAllCommands().run(Arrays.asList(args));
        if (code != 0) {
            System.exit(code);
        }
    }

    int run(List<String> args) throws Exception {
        if (!args.isEmpty() && (args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help"))) {
            System.out.println(usage());
            return 0;
        }
        boolean commandGiven = !args.isEmpty() && !args.get(0).startsWith("-");
        String name = commandGiven ? args.get(0) : "serve";
        Command command = commands.get(name);
        if (command == null) {
            System.err.println("poker-server: unknown command '" + name + "'\n\n" + usage());
            return 2;
        }
        return command.run(commandGiven ? args.subList(1, args.size()) : args);
    }

    String usage() {
        StringBuilder text = new StringBuilder("usage: poker-server <command> [options]\n\ncommands:\n");
        commands.values().forEach(c -> text.append(String.format("  %-15s %s%n", c.name(), c.summary())));
        return text.toString();
    }
}
