package io.chipledger.server;

import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Ledger;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.TransferKind;
import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.db.DatabaseAvailability;
import io.chipledger.ledger.postgres.LedgerSettings;
import io.chipledger.ledger.postgres.PostgresLedger;
import io.chipledger.money.Money;
import io.chipledger.server.account.PasswordHasher;
import io.chipledger.server.account.Player;
import io.chipledger.server.account.PlayerDirectory;
import io.chipledger.server.account.SessionTokens;
import io.chipledger.server.admin.AdminConsole;
import io.chipledger.server.api.AuthEndpoints;
import io.chipledger.server.api.HandHistoryEndpoints;
import io.chipledger.server.api.LobbyEndpoint;
import io.chipledger.server.api.TournamentLobbyEndpoints;
import io.chipledger.server.api.WelcomeGrant;
import io.chipledger.server.chips.OwnerRef;
import io.chipledger.server.cluster.NodeIdentity;
import io.chipledger.server.cluster.NodeRegistry;
import io.chipledger.server.cluster.NodeSettings;
import io.chipledger.server.cluster.TableOwnership;
import io.chipledger.ledger.lease.Leases;
import io.chipledger.server.table.TableTakeover;
import io.chipledger.server.table.TableLocator;
import io.chipledger.server.cluster.TableRoutes;
import io.chipledger.server.api.RouteEndpoint;
import io.chipledger.server.chips.PostingKey;
import io.chipledger.server.gateway.GameGateway;
import io.chipledger.server.gateway.PlayerConnections;
import io.chipledger.server.metrics.FigureHistory;
import io.chipledger.server.metrics.GameMetrics;
import io.chipledger.server.metrics.Metrics;
import io.chipledger.server.metrics.MetricsAccess;
import io.chipledger.server.metrics.MetricsEndpoint;
import io.chipledger.server.metrics.ServerMeters;
import io.chipledger.server.net.HealthEndpoint;
import io.chipledger.server.net.HttpRoutes;
import io.chipledger.server.net.PokerHttpServer;
import io.chipledger.server.net.StaticFiles;
import io.chipledger.server.store.HandExporter;
import io.chipledger.server.store.PostgresHandRecords;
import io.chipledger.server.store.PostgresSeatRecords;
import io.chipledger.server.store.PostgresTableRecords;
import io.chipledger.server.store.PostgresTournamentRecords;
import io.chipledger.server.store.ServerSchema;
import io.chipledger.server.table.CrashRecovery;
import io.chipledger.server.table.ProvablyFairDeckSource;
import io.chipledger.server.table.ScheduledTableTimer;
import io.chipledger.server.table.SeatRecovery;
import io.chipledger.server.gateway.SessionSockets;
import io.chipledger.server.table.TableActor;
import io.chipledger.server.table.TableDirectory;
import io.chipledger.server.table.TableServices;
import io.chipledger.server.tournament.director.TournamentDirector;
import io.chipledger.server.tournament.director.TournamentLeases;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: wires the database, ledger, players, tables and network together, in the order that keeps
 * the promise (migrate, void hands a crash left open, load tables, and only then listen). {@link #close()} stops
 * listening first and the ledger last, so nothing in flight is lost.
 */
public final class GameServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GameServer.class);
    public static final String CURRENCY = "CHP";

    private final Database database;
    private final PostgresLedger ledger;
    private final ExecutorService worker;
    private final ExecutorService tableExecutor;
    private final ScheduledExecutorService scheduler;
    private final TableDirectory tables;
    private final PlayerDirectory players;
    private final TournamentDirector tournaments;
    private final PokerHttpServer http;
    private final Readiness ready;
    private final Metrics metrics;
    private final DatabaseAvailability availability;
    /** The node registry, and this server's place in it: null when it is alone on its database. */
    private final NodeRegistry nodes;
    private final NodeIdentity node;
    /** Which tables this node serves, under their leases; null when it is alone on its database. */
    private final TableOwnership ownership;
    private boolean closed;
    /** The operators' listener of its own ({@code /health}, {@code /metrics}), or null. */
    private final PokerHttpServer managementListener;

    private GameServer(Database database, PostgresLedger ledger, ExecutorService worker, ExecutorService tableExecutor,
                       ScheduledExecutorService scheduler, TableDirectory tables, PlayerDirectory players,
                       TournamentDirector tournaments, PokerHttpServer http,
                       Readiness ready, Metrics metrics, DatabaseAvailability availability, PokerHttpServer managementListener,
                       NodeRegistry nodes, NodeIdentity node, TableOwnership ownership) {
        this.managementListener = managementListener;
        this.nodes = nodes;
        this.node = node;
        this.ownership = ownership;
        if (ownership != null) {
            // An operator's "drain node": hand the tables over, then stop, as SIGTERM does.
            nodes.onDrainRequested(() -> new Thread(this::close, "drain").start());
        }
        this.database = database;
        this.ledger = ledger;
        this.worker = worker;
        this.tableExecutor = tableExecutor;
        this.scheduler = scheduler;
        this.tables = tables;
        this.players = players;
        this.tournaments = tournaments;
        this.http = http;
        this.ready = ready;
        this.metrics = metrics;
        this.availability = availability;
    }

    /** Starts on an open database, ready at once; the server owns the database from here and closes it. */
    public static GameServer start(Database database, ServerSettings settings) throws InterruptedException {
        GameServer server = startListening(database, settings);
        server.ready();
        return server;
    }

    /**
     * Starts like {@link #start} but {@code /health} answers 503 "starting" until {@link #ready()}: for a caller that
     * sets more up through the running server (tables, bots) before it is ready for players and scripts.
     */
    public static GameServer startListening(Database database, ServerSettings settings) throws InterruptedException {
        return startListening(database, settings, Clock.systemUTC());
    }

    /**
     * As {@link #startListening(Database, ServerSettings)}, telling the time by {@code clock}: the tables' action
     * clocks and chat limits, sessions' expiry, the dates hands and operators' actions are recorded with.
     */
    public static GameServer startListening(Database database, ServerSettings settings, Clock clock) throws InterruptedException {
        ServerSchema.migrate(database.dataSource());
        ServerSchema.registerMappers(database.sqlSessionFactory());
        // A posting's future completes on the writer that committed it: a table's work after a commit (telling the
        // action, queuing the next stage) starts there instead of waiting for a pool thread to be woken and given a
        // core, which on a busy machine is much of an action's time (docs/performance.md, "one thread hop fewer").
        // Nothing the server chains on a posting blocks; reads and records are handed to the worker.
        PostgresLedger ledger = PostgresLedger.start(database, LedgerSettings.defaults(), Clock.systemUTC(), Runnable::run);
        ExecutorService worker = Executors.newFixedThreadPool(settings.workerThreads(), named("worker"));
        ExecutorService tableExecutor = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), named("table"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(named("timer"));
        NodeRegistry nodes = new NodeRegistry(database.sqlSessionFactory());
        NodeSettings node = settings.node();
        if (node != null) {
            nodes.join(node.identity(), scheduler, worker);
            log.info("game node {} advertised at {}, table leases of {} ms", node.name(), node.identity().url(),
                    node.tableLease().toMillis());
        }

        // Their writes on the worker are watched with the ledger's commits: a table waits on them too.
        PostgresHandRecords hands = new PostgresHandRecords(database.sqlSessionFactory(), worker, database.commits());
        PostgresSeatRecords seats = new PostgresSeatRecords(database.sqlSessionFactory(), worker, database.commits());
        // A game node among others recovers each table it takes, under that table's lease (TableTakeover): the hands
        // open at other tables are its neighbours' live hands.
        int ended = node != null ? 0 : new CrashRecovery(hands, ledger, worker, CURRENCY, clock).endOpenHands();
        if (ended > 0) {
            log.warn("ended {} hand(s) left open by an earlier crash", ended);
        }
        Metrics metrics = new Metrics().bindJvm();
        ServerMeters.bindPool(metrics, database);
        PlayerConnections online = new PlayerConnections();
        GameMetrics game = new GameMetrics(metrics);
        TableServices services = new TableServices(ledger, hands, seats, new ProvablyFairDeckSource(new SecureRandom()),
                new ScheduledTableTimer(scheduler), clock, settings.seatTimeouts(), game, online,
                tableExecutor, worker);
        TableDirectory tables = new TableDirectory(services, new PostgresTableRecords(database.sqlSessionFactory()),
                settings.pauseBetweenHands());
        PlayerDirectory players = new PlayerDirectory(database.sqlSessionFactory(),
                new PasswordHasher(settings.passwordIterations(), new SecureRandom()), new SessionTokens(new SecureRandom()),
                clock, Duration.ofDays(7), worker, hashingPool());
        TableOwnership ownership = null;
        if (node == null) {
            tables.loadOpenTables();
            if (tables.all().isEmpty() && settings.createDefaultTables()) {
                tables.create(TableDirectory.plainTable("Oak", Money.parse("0.50"), Money.parse("1.00"), 6));
                tables.create(TableDirectory.plainTable("Pine", Money.parse("1.00"), Money.parse("2.00"), 9));
                tables.create(TableDirectory.plainTable("Birch", Money.parse("0.05"), Money.parse("0.10"), 2));
            }
            SeatRecovery.Outcome seated = new SeatRecovery(seats, ledger, players, tables).recover();
            if (seated.restored() + seated.cashedOut() > 0) {
                log.warn("restored {} seat(s) for players to come back to; cashed out {} stranded seat account(s)",
                        seated.restored(), seated.cashedOut());
            }
        } else {
            // No default tables here: nodes starting together would each open three. An operator opens them, on any node.
            ownership = new TableOwnership(new Leases(database.sqlSessionFactory()), node.identity(), nodes, tables,
                    new TableTakeover(services, hands, players, CURRENCY, settings.pauseBetweenHands()), node.tableLease(),
                    node.drainBound());
            ownership.start();
        }
        TournamentDirector tournaments = new TournamentDirector(
                new PostgresTournamentRecords(database.sqlSessionFactory(), worker), new TournamentDirector.Services(
                ledger, online, players::isFrozen, tableExecutor, worker, clock, CURRENCY));
        tournaments.dealAt(new TournamentDirector.Tables(tables, id -> players.findById(id).join().orElseThrow()));
        TournamentLeases tournamentLeases = node == null ? TournamentLeases.ALONE
                : new TournamentLeases(new Leases(database.sqlSessionFactory()), node.name(), node.tableLease());
        if (node != null) {
            // Each sit-and-go runs on the node holding its lease; a dead node's are taken over once theirs run out.
            tournaments.runUnder(tournamentLeases);
        }
        tournaments.load();
        if (node != null) {
            long every = Math.max(100, tournamentLeases.renewEvery().toMillis());
            scheduler.scheduleWithFixedDelay(() -> worker.execute(() -> {
                try {
                    tournaments.keepLeases();
                } catch (RuntimeException failed) {
                    log.warn("tournament leases not kept this time: {}", failed.toString());
                }
            }), every, every, TimeUnit.MILLISECONDS);
        }
        if (node != null) {
            // A freeze made through another node's console reaches this node's sessions and sockets within seconds.
            scheduler.scheduleWithFixedDelay(() -> worker.execute(() -> {
                try {
                    players.refreshFrozen();
                } catch (RuntimeException failed) {
                    log.warn("frozen players not refreshed this time: {}", failed.toString());
                }
            }), 2, 2, TimeUnit.SECONDS);
        }
        // Lost when the probe's SELECT 1 fails, and also while a ledger commit waits too long (no synchronous standby).
        DatabaseAvailability availability = DatabaseAvailability.watch(database, Duration.ofSeconds(1))
                .watchCommits(database.commits(), settings.commitStall());
        Readiness ready = new Readiness(availability, ledger);
        availability.subscribe(new DatabaseAvailability.Listener() {
            @Override
            public void databaseLost(String reason) {
                tables.all().forEach(TableActor::databaseLost);
            }

            @Override
            public void databaseBack() {
                tables.all().forEach(TableActor::databaseBack);
            }
        });
        HttpRoutes routes = new HttpRoutes(new StaticFiles("web", worker));
        if (node != null) {
            routes.connectTo(nodes::pageSources); // a page follows its tables to the other nodes
        }
        new HealthEndpoint(ready).addTo(routes);
        new AuthEndpoints(players, welcomeGrant(ledger, settings.welcomeGrant(), worker), settings.logins()).addTo(routes);
        TableLocator locator = node == null ? TableLocator.alone(tables)
                : new TableRoutes(new Leases(database.sqlSessionFactory()), nodes, tables.records(), seats,
                        id -> players.findById(id).join().map(Player::name).orElse("#" + id));
        (node == null ? new LobbyEndpoint(tables)
                : new LobbyEndpoint(tables, locator, node.name(), node.identity().url(), worker)).addTo(routes);
        (node == null ? new TournamentLobbyEndpoints(tournaments, players)
                : new TournamentLobbyEndpoints(tournaments, players, node.name(), id -> tournamentLeases.holder(id)
                        .filter(holder -> !holder.equals(node.name())).flatMap(nodes::urlOf), worker)).addTo(routes);
        new HandHistoryEndpoints(players, new HandExporter(database.sqlSessionFactory()), worker).addTo(routes);
        new RouteEndpoint(locator, worker).addTo(routes);
        GameGateway gateway = new GameGateway(players, tables, online, ledger, worker, CURRENCY,
                new SessionSockets(players, scheduler, clock, Duration.ofSeconds(1)), node == null ? null : locator);
        metrics.gauge("poker_connections", "WebSocket connections open.", gateway::connections);
        metrics.gauge("poker_players_online", "Players with at least one open session.", online::playersOnline);
        metrics.gauge("poker_tables", "Tables running.", () -> tables.all().size());
        metrics.gauge("poker_ledger_batches_one_round_trip", "Ledger batches written from remembered accounts.",
                () -> ledger.stats().oneRoundTripAttempts());
        metrics.gauge("poker_ledger_batches_under_locks", "Ledger batch attempts that locked their accounts first.",
                () -> ledger.stats().lockedAttempts());
        metrics.gauge("poker_ledger_writes_refused", "One-round-trip ledger writes refused: an account had moved.",
                () -> ledger.stats().refusedWrites());
        metrics.gauge("poker_progress_step_batches", "Batches of hands' progress steps written, one statement each.",
                hands::progressStepBatches);
        metrics.gauge("poker_progress_steps", "Hands' progress steps written (a committed move's events each).",
                hands::progressStepsWritten);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        metrics.gauge("jvm_heap_used_bytes", "Java heap in use.", () -> memory.getHeapMemoryUsage().getUsed());
        metrics.gauge("jvm_heap_max_bytes", "Java heap limit (-Xmx).", () -> memory.getHeapMemoryUsage().getMax());
        MetricsAccess access = settings.metricsAccess();
        HttpRoutes metricsRoutes = routes;
        if (access.ownListener()) {
            // Probes answer there too, from an event loop that no player's frames can keep busy.
            metricsRoutes = new HttpRoutes(new StaticFiles("management-listener-has-no-files", worker));
            new HealthEndpoint(ready).addTo(metricsRoutes);
        }
        new MetricsEndpoint(metrics).addTo(metricsRoutes, access.token());
        FigureHistory figures = new FigureHistory(new FigureHistory.Sources(game.handsSettled::value, online::playersOnline,
                () -> ledger.stats().postings(), game.ledgerCommit), Clock.systemUTC());
        figures.start(scheduler);
        AdminConsole.addTo(routes, new AdminConsole.Parts(database.sqlSessionFactory(), ledger, players, tables,
                tournaments, online, worker, clock, CURRENCY, figures, nodes),
                node == null ? null : new AdminConsole.Room(node.name(), locator));
        PokerHttpServer http = null;
        PokerHttpServer managementListener = null;
        try {
            http = PokerHttpServer.start(settings.host(), settings.port(), routes, gateway, settings.net(), game);
            managementListener = access.ownListener()
                    ? PokerHttpServer.startManagement(access.host(), access.port(), metricsRoutes) : null;
        } catch (RuntimeException | InterruptedException cannotListen) {
            // Stop what has started (writers, timers, the database's watcher, the database) so the process ends now,
            // with the reason, instead of lingering on their threads.
            new GameServer(database, ledger, worker, tableExecutor, scheduler, tables, players, tournaments, http, ready,
                    metrics, availability, managementListener, nodes, node == null ? null : node.identity(), ownership)
                    .close();
            throw cannotListen;
        }
        ServerMeters.bindNetty(metrics, http);
        log.info("listening on {}:{}", settings.host(), http.port());
        return new GameServer(database, ledger, worker, tableExecutor, scheduler, tables, players, tournaments, http, ready,
                metrics, availability, managementListener, nodes, node == null ? null : node.identity(), ownership);
    }

    /** From now on {@code GET /health} answers 200 (while the database and the ledger writer are there). */
    public void ready() {
        ready.started();
    }

    /** Whether the database answers: subscribe to hear when it goes away and comes back. */
    public DatabaseAvailability databaseAvailability() {
        return availability;
    }

    /**
     * New players get {@code amount} of play money: cashier to wallet, once per player (the key says so). The accounts
     * are opened on {@code executor}: not the common pool, which on two cores starts a thread per task, so a flood of
     * registrations started a thread each.
     */
    public static WelcomeGrant welcomeGrant(Ledger ledger, Money amount, java.util.concurrent.Executor executor) {
        return player -> {
            if (!amount.isPositive()) {
                return CompletableFuture.completedFuture(null);
            }
            return CompletableFuture.supplyAsync(() -> new long[] {
                    ledger.openAccount(AccountKind.CASHIER, OwnerRef.cashier().text(), CURRENCY).id(),
                    ledger.openAccount(AccountKind.WALLET, player.ledgerOwner(), CURRENCY).id()}, executor)
                    .thenCompose(ids -> ledger.post(Posting.single(new PostingKey.WelcomeGrant(OwnerRef.player(player.id())).text(),
                            TransferKind.DEPOSIT, ids[0], ids[1], amount)))
                    .thenAccept(result -> {
                        if (!result.accepted()) {
                            throw new IllegalStateException("welcome grant refused: " + result);
                        }
                    });
        };
    }

    /** The event loops that serve players on the main port (for their figures; a test holds them busy). */
    public Iterable<io.netty.util.concurrent.EventExecutor> playerEventLoops() {
        return http.eventLoops();
    }

    /** The port of the operators' listener ({@code /health}, {@code /metrics}), or -1 when there is none. */
    public int metricsPort() {
        return managementListener == null ? -1 : managementListener.port();
    }

    public int port() {
        return http.port();
    }

    public Ledger ledger() {
        return ledger;
    }

    public Database database() {
        return database;
    }

    public TableDirectory tables() {
        return tables;
    }

    public PlayerDirectory players() {
        return players;
    }

    /** The game nodes sharing the database (none listed for a server alone on it). */
    public NodeRegistry nodes() {
        return nodes;
    }

    /** The tables this node holds leases on (all of its tables), or null when it is alone on its database. */
    public TableOwnership ownership() {
        return ownership;
    }

    /** This server as a game node, or null when it is alone on its database. */
    public NodeIdentity node() {
        return node;
    }

    public TournamentDirector tournaments() {
        return tournaments;
    }

    public void awaitClose() throws InterruptedException {
        http.awaitClose();
    }

    /**
     * Stops in the order that keeps the promise, within a bound whatever the database does: about 30 s to void the
     * hands in progress and 10 s for the ledger to write what is queued. With the database away no hand is voided
     * now (the next start does it) and queued postings are given up at once: nothing was written, nothing is lost.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return; // a drain an operator asked for closed it already; the shutdown hook waited for that here
        }
        closed = true;
        if (ownership != null && availability.available()) {
            // A game node hands its tables over between hands instead of voiding them: play goes on elsewhere.
            ready.draining();
            try {
                Duration bound = ownership.drainBound();
                int left = ownership.drain(bound).get(bound.toSeconds() + 10, TimeUnit.SECONDS);
                if (left > 0) {
                    log.warn("{} table(s) still had a hand in play after {} s: their hands are voided", left,
                            bound.toSeconds());
                }
            } catch (Exception e) {
                log.error("the drain did not finish; the tables left are voided", e);
            }
        }
        if (http != null) {
            http.close();
        }
        if (managementListener != null) {
            managementListener.close();
        }
        boolean databaseThere = availability.available();
        if (databaseThere) {
            // Hands in progress are voided while the ledger still runs; a hand that cannot be voided now stays open
            // and is voided by CrashRecovery at the next start.
            try {
                CompletableFuture.allOf(tables.all().stream().map(t -> t.shutdown()).toArray(CompletableFuture[]::new))
                        .get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.error("could not void every running hand on shutdown; the next start will", e);
            }
        } else {
            log.warn("the database is unavailable: hands in progress stay open, and the next start voids them");
        }
        if (ownership != null) {
            ownership.releaseAll();
            ownership.close();
            tournaments.letGo();
        }
        if (node != null) {
            nodes.leave(node);
        }
        scheduler.shutdownNow();
        tableExecutor.shutdown();
        awaitQuietly(tableExecutor);
        worker.shutdown();
        awaitQuietly(worker);
        ledger.close(databaseThere && availability.available() ? Duration.ofSeconds(10) : Duration.ZERO);
        availability.close();
        database.close();
    }

    /**
     * Where passwords are hashed: half the cores and a short queue, so a login flood waits (or is refused, 503) there
     * and never takes the threads of tables or ledger writes. Idle threads end, so a stopped server leaves none.
     */
    private static ExecutorService hashingPool() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(threads, threads,
                30, TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(64), named("hashing"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
