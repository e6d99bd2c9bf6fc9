package io.chipledger.server.cli;

import io.chipledger.ledger.db.Database;
import io.chipledger.money.Money;
import io.chipledger.server.GameServer;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.admin.FirstAdmin;
import io.chipledger.server.net.NetConfig;
import io.chipledger.server.store.ServerSchema;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code poker-server serve}: runs the game server until SIGTERM or Ctrl-C. With no {@code --db-url} it starts the
 * embedded PostgreSQL whose files live in {@code --data-dir}. On shutdown, hands in progress are voided (every chip
 * back on its seat) before the ledger and database close. With {@code --admin NAME} (password in env
 * {@code POKER_ADMIN_PASSWORD}) the first admin is created before the server listens, unless that admin exists.
 */
public final class ServeCommand implements Command {

    static final String USAGE = "poker-server serve [--port 8080] [--host 0.0.0.0] " + DatabaseOptions.USAGE
            + " [--welcome-grant 1000.00] [--tables N] [--demo-bots N] [--allowed-origin URL]... [--tls-cert PEM --tls-key PEM]"
            + " [--admin NAME (password from env " + AdminCommand.PASSWORD_ENV + ")]";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    public ServeCommand() {
        this(System.out, System.err, System.getenv());
    }

    ServeCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "run the game server (the default command)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        DatabaseOptions database;
        ServerSettings settings;
        RoomOptions room;
        String admin;
        try {
            database = DatabaseOptions.parse(args, env);
            List<String> rest = new ArrayList<>(database.remaining());
            admin = takeOption(rest, "--admin");
            room = RoomOptions.parse(rest);
            settings = settings(room.remaining());
            if (admin != null && (env.get(AdminCommand.PASSWORD_ENV) == null || env.get(AdminCommand.PASSWORD_ENV).isEmpty())) {
                throw new IllegalArgumentException("--admin " + admin + " needs the password in env " + AdminCommand.PASSWORD_ENV);
            }
        } catch (IllegalArgumentException e) {
            err.println("serve: " + e.getMessage() + "\nusage: " + USAGE);
            return 2;
        }
        out.println("starting: database " + database.describe());
        Database opened = Database.open(database.toConfig());
        if (admin != null) {
            try {
                ensureAdmin(opened, admin, settings.passwordIterations());
            } catch (IllegalArgumentException refused) {
                opened.close();
                err.println("serve: --admin " + admin + ": " + refused.getMessage());
                return 1;
            }
        }
        GameServer server = GameServer.startListening(opened, settings);
        DemoRoom demo = DemoRoom.open(server, room.tables(), room.demoBots());
        // One hook does the whole stop in order; the database, closed last by server.close(), must outlive the rest.
        opened.leaveShutdownToOwner();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            server.close();
        }, "shutdown"));
        server.ready();
        out.println("ready: http://localhost:" + server.port() + "/  (health: /health, admin console: /admin)"
                + (room.demoBots() > 0 ? "; bots are playing at " + room.demoBots() + " table(s)" : ""));
        out.flush();
        server.awaitClose();
        return 0;
    }

    /** Creates the first admin before the server listens, so no one can register the name in between. */
    private void ensureAdmin(Database database, String name, int passwordIterations) {
        ServerSchema.migrate(database.dataSource());
        ServerSchema.registerMappers(database.sqlSessionFactory());
        FirstAdmin.Outcome outcome = FirstAdmin.on(database.sqlSessionFactory(), passwordIterations)
                .create(name, env.get(AdminCommand.PASSWORD_ENV).toCharArray(), "poker-server serve --admin", true);
        out.println(outcome == FirstAdmin.Outcome.CREATED ? "created admin " + name
                : "admin " + name + " exists; its password is unchanged");
    }

    /** Removes {@code --name value} (or {@code --name=value}) from {@code args} and returns the value, or null. */
    static String takeOption(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith(name + "=")) {
                args.remove(i);
                return arg.substring(name.length() + 1);
            }
            if (arg.equals(name)) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                args.remove(i);
                return args.remove(i);
            }
        }
        return null;
    }

    /** The room options of {@code serve}: how many tables to have open, and at how many of them bots play. */
    record RoomOptions(int tables, int demoBots, List<String> remaining) {

        static RoomOptions parse(List<String> args) {
            int tables = 0;
            int demoBots = 0;
            List<String> rest = new java.util.ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String name = args.get(i);
                if ((name.equals("--tables") || name.equals("--demo-bots")) && i + 1 < args.size()) {
                    int n = count(name, args.get(++i));
                    if (name.equals("--tables")) {
                        tables = n;
                    } else {
                        demoBots = n;
                    }
                } else {
                    rest.add(name);
                }
            }
            return new RoomOptions(tables, demoBots, rest);
        }

        private static int count(String name, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n < 0 || n > 100_000) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " takes a number from 0 to 100000, not " + value);
            }
        }
    }

    static ServerSettings settings(List<String> args) {
        ServerSettings defaults = ServerSettings.defaults();
        String host = defaults.host();
        int port = defaults.port();
        Money grant = defaults.welcomeGrant();
        Set<String> origins = new HashSet<>();
        Path cert = null;
        Path key = null;
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(name.startsWith("--") ? name + " needs a value" : "unknown argument " + name);
            }
            String value = args.get(++i);
            switch (name) {
                case "--port" -> port = parsePort(value);
                case "--host" -> host = value;
                case "--welcome-grant" -> grant = Money.parse(value);
                case "--allowed-origin" -> origins.add(value);
                case "--tls-cert" -> cert = Path.of(value);
                case "--tls-key" -> key = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException("TLS needs both --tls-cert and --tls-key");
        }
        NetConfig net = defaults.net();
        NetConfig configured = new NetConfig(origins, net.maxFrameBytes(), net.idleSeconds(), net.messagesPerSecond(),
                net.messageBurst(), cert, key);
        return new ServerSettings(host, port, configured, grant, defaults.pauseBetweenHands(), defaults.createDefaultTables(),
                defaults.passwordIterations(), defaults.workerThreads(), defaults.seatTimeouts());
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port takes a number from 0 to 65535, not " + value);
        }
    }
}
