package io.chipledger.server.cli;

import io.chipledger.ledger.db.Database;
import io.chipledger.money.Money;
import io.chipledger.server.GameServer;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.admin.FirstAdmin;
import io.chipledger.server.cluster.NodeIdentity;
import io.chipledger.server.cluster.NodeSettings;
import io.chipledger.server.game.holdem.Variant;
import io.chipledger.server.logging.LogSetup;
import io.chipledger.server.api.LoginLimits;
import io.chipledger.server.metrics.MetricsAccess;
import io.chipledger.server.net.PokerHttpServer;
import io.chipledger.server.net.ConnectionLimits;
import io.chipledger.server.net.NetConfig;
import io.chipledger.server.store.ServerSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code poker-server serve}: runs the game server until SIGTERM or Ctrl-C. With no {@code --db-url} it starts the
 * embedded PostgreSQL whose files live in {@code --data-dir}. On shutdown, hands in progress are voided (every chip
 * back on its seat) before the ledger and database close. With {@code --admin NAME} (password in env
 * {@code POKER_ADMIN_PASSWORD}) the first admin is created before the server listens, unless that admin exists.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = "Run the game server until SIGTERM or Ctrl-C.")
public final class ServeCommand implements Callable<Integer> {

    private static final ServerSettings DEFAULTS = ServerSettings.defaults();

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "where to listen (0: any free port)")
    private int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "0.0.0.0", description = "the address to listen on")
    private String host;

    @Mixin
    private DatabaseOptions database;

    @Option(names = "--welcome-grant", paramLabel = "AMOUNT", defaultValue = "1000.00",
            description = "play money a new player receives")
    private Money welcomeGrant;

    @Option(names = "--tables", paramLabel = "N", defaultValue = "0",
            description = "open plain 6-max 0.50/1.00 tables until there are N tables of six or more seats")
    private int tables;

    @Option(names = "--demo-bots", paramLabel = "N", defaultValue = "0",
            description = "seat four bots at each of N tables, so a new user has someone to play against")
    private int demoBots;

    @Option(names = "--game", paramLabel = "GAME", defaultValue = "NLHE",
            description = "the game of the tables --tables and --demo-bots open: NLHE (No-Limit Hold'em) or PLO (Pot-Limit Omaha)")
    private String game;

    @Option(names = "--allowed-origin", paramLabel = "URL", split = ",", showDefaultValue = Help.Visibility.NEVER,
            description = "an origin allowed to open the WebSocket (repeatable; default: the same host)")
    private List<String> allowedOrigins = List.of();

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "serve HTTPS/WSS with this certificate chain")
    private Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "... and this private key")
    private Path tlsKey;

    @Option(names = "--admin", paramLabel = "NAME",
            description = "create the first admin on start, password from env " + AdminCommand.PASSWORD_ENV)
    private String admin;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "TEXT",
            description = "the log on stderr: text, or json (one JSON object a line, for a log shipper)")
    private LogSetup.Format logFormat;

    @Option(names = "--max-connections-per-address", paramLabel = "N", defaultValue = "256",
            description = "connections one remote address may hold (0: no cap; loopback is not capped unless --limit-loopback)")
    private int perAddress;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "0",
            description = "connections in all (0: as many as the descriptor limit leaves room for)")
    private int maxConnections;

    @Option(names = "--limit-loopback", description = "apply the per-address limits to loopback addresses too")
    private boolean limitLoopback;

    @Option(names = "--welcome-grants-per-address", paramLabel = "N", defaultValue = "3",
            description = "welcome grants one address receives per --welcome-grant-period")
    private int grantsPerAddress;

    @Option(names = "--welcome-grant-period", paramLabel = "DURATION", defaultValue = "P1D",
            description = "the period of --welcome-grants-per-address (ISO-8601, e.g. PT12H)")
    private java.time.Duration grantPeriod;

    @Option(names = "--metrics-token", paramLabel = "TOKEN", description = "GET /metrics needs Authorization: Bearer TOKEN")
    private String metricsToken;

    @Option(names = {"--management-listen", "--metrics-listen"}, paramLabel = "HOST:PORT",
            description = "a listener for operators, with an event loop of its own: /metrics only there (not on the main "
                    + "port), /health there as well, answering even while the players' event loops are busy")
    private String metricsListen;

    @Option(names = "--node", paramLabel = "NAME",
            description = "run as this game node among others sharing the database (--db-url): it registers, heartbeats "
                    + "and serves the tables it holds leases on")
    private String node;

    @Option(names = "--advertise", paramLabel = "URL",
            description = "with --node: where players reach this node, http(s)://HOST:PORT (default http://localhost:PORT)")
    private String advertise;

    @Option(names = "--table-lease", paramLabel = "DURATION", defaultValue = "PT10S",
            description = "with --node: how long a table's lease lasts unrenewed; a node silent that long loses its tables")
    private java.time.Duration tableLease;

    @Option(names = "--commit-stall", paramLabel = "DURATION", defaultValue = "PT5S",
            description = "a ledger commit waiting longer counts as the database lost (tables pause, readiness 503) until "
                    + "commits go through again, e.g. a primary with no synchronous standby left; the commit is never cancelled")
    private java.time.Duration commitStall;

    private final Terminal terminal;

    ServeCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        ServerSettings settings = settings();
        Variant tablesGame = variant();
        LogSetup.use(logFormat);
        if (settings.node() != null) {
            LogSetup.nameNode(settings.node().name());
        }
        String adminPassword = terminal.env().get(AdminCommand.PASSWORD_ENV);
        if (admin != null && (adminPassword == null || adminPassword.isEmpty())) {
            throw new ParameterException(spec.commandLine(),
                    "--admin " + admin + " needs the password in env " + AdminCommand.PASSWORD_ENV);
        }
        terminal.out().println("starting: database " + database.describe());
        Database opened = Database.open(database.toConfig());
        if (admin != null) {
            try {
                ensureAdmin(opened, adminPassword.toCharArray(), settings.passwordIterations());
            } catch (IllegalArgumentException refused) {
                opened.close();
                throw new UserError(1, "--admin " + admin + ": " + refused.getMessage());
            }
        }
        GameServer server;
        try {
            server = GameServer.startListening(opened, settings);
        } catch (PokerHttpServer.CannotListenException cannotListen) {
            throw new UserError(1, cannotListen.getMessage());
        }
        DemoRoom demo = DemoRoom.open(server, tablesGame, tables, demoBots, settings.welcomeGrant());
        // One hook does the whole stop in order; the database, closed last by server.close(), must outlive the rest.
        opened.leaveShutdownToOwner();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            server.close();
        }, "shutdown"));
        server.ready();
        terminal.out().println("ready: http://localhost:" + server.port() + "/  (health: /health, admin console: /admin)"
                + (settings.node() != null ? "; game node " + settings.node().name() + " at " + settings.node().identity().url() : "")
                + (demoBots > 0 ? "; bots are playing at " + demoBots + " table(s)" : ""));
        terminal.out().flush();
        server.awaitClose();
        return 0;
    }

    private Variant variant() {
        try {
            return Variant.ofCode(game);
        } catch (IllegalArgumentException unknown) {
            throw new ParameterException(spec.commandLine(), "--game: " + unknown.getMessage());
        }
    }

    private MetricsAccess metricsAccess() {
        if (metricsListen == null) {
            return new MetricsAccess(metricsToken, null, 0);
        }
        int colon = metricsListen.lastIndexOf(':');
        try {
            return new MetricsAccess(metricsToken, metricsListen.substring(0, colon),
                    Integer.parseInt(metricsListen.substring(colon + 1)));
        } catch (RuntimeException malformed) {
            throw new ParameterException(spec.commandLine(), "--management-listen needs HOST:PORT, was " + metricsListen);
        }
    }

    /** Creates the first admin before the server listens, so no one can register the name in between. */
    private void ensureAdmin(Database opened, char[] password, int passwordIterations) {
        ServerSchema.migrate(opened.dataSource());
        ServerSchema.registerMappers(opened.sqlSessionFactory());
        FirstAdmin.Outcome outcome = FirstAdmin.on(opened.sqlSessionFactory(), passwordIterations)
                .create(admin, password, "poker-server serve --admin", true);
        terminal.out().println(outcome == FirstAdmin.Outcome.CREATED ? "created admin " + admin
                : "admin " + admin + " exists; its password is unchanged");
    }

    /** The server's settings from the options; a value out of range is a usage error. */
    ServerSettings settings() {
        Ranges.check(spec, "--port", port, 0, 65_535);
        Ranges.check(spec, "--tables", tables, 0, 100_000);
        Ranges.check(spec, "--demo-bots", demoBots, 0, 100_000);
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new ParameterException(spec.commandLine(), "TLS needs both --tls-cert and --tls-key");
        }
        for (Path pem : new Path[] {tlsCert, tlsKey}) {
            if (pem != null && !Files.isReadable(pem)) {
                throw new ParameterException(spec.commandLine(), pem + ": no such file, or not readable");
            }
        }
        NetConfig net = DEFAULTS.net();
        NetConfig configured = new NetConfig(new LinkedHashSet<>(allowedOrigins), net.maxFrameBytes(), net.idleSeconds(),
                net.messagesPerSecond(), net.messageBurst(), tlsCert, tlsKey);
        Ranges.check(spec, "--max-connections-per-address", perAddress, 0, 1_000_000);
        Ranges.check(spec, "--max-connections", maxConnections, 0, 10_000_000);
        Ranges.check(spec, "--welcome-grants-per-address", grantsPerAddress, 0, 1_000_000);
        if (commitStall.isNegative() || commitStall.isZero()) {
            throw new ParameterException(spec.commandLine(), "--commit-stall must be positive");
        }
        if (grantPeriod.isNegative() || grantPeriod.isZero()) {
            throw new ParameterException(spec.commandLine(), "--welcome-grant-period must be positive");
        }
        ConnectionLimits limits = net.limits().withPerAddress(perAddress, limitLoopback).withTotal(maxConnections);
        return new ServerSettings(host, port, configured.withLimits(limits), welcomeGrant, DEFAULTS.pauseBetweenHands(),
                DEFAULTS.createDefaultTables(), DEFAULTS.passwordIterations(), DEFAULTS.workerThreads(),
                DEFAULTS.seatTimeouts())
                .withLogins(LoginLimits.defaults().withLoopbackToo(limitLoopback).withGrants(grantsPerAddress, grantPeriod))
                .withMetricsAccess(metricsAccess())
                .withNode(nodeIdentity())
                .withCommitStall(commitStall);
    }

    /** The game node this server is, from --node and --advertise; null when it is alone on its database. */
    private NodeSettings nodeIdentity() {
        if (node == null) {
            if (advertise != null) {
                throw new ParameterException(spec.commandLine(), "--advertise needs --node NAME");
            }
            return null;
        }
        try {
            return new NodeSettings(NodeIdentity.of(node, advertise != null ? advertise : "http://localhost:" + port),
                    tableLease);
        } catch (IllegalArgumentException bad) {
            throw new ParameterException(spec.commandLine(), bad.getMessage());
        }
    }
}
