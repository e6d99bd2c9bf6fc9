package io.chipledger.server.bot;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipledger.money.Money;
import io.chipledger.protocol.ProtocolJson;
import io.chipledger.protocol.ServerMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Seats bots at a server's tables over real WebSockets, as players would connect: it registers a few bot accounts
 * (each buys in at as many tables as its wallet allows), opens one connection per seat, and lets the bots play until
 * {@link #stop()} has them leave and cash out. Counts hands and actions, and the time from each action to its
 * broadcast.
 */
public final class BotFleet implements AutoCloseable {

    private static final Duration REPLY = Duration.ofSeconds(60);
    /** How often a bot pings while it waits: as often as the web client, well inside the server's idle time. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(25);

    private final String wsUrl;
    private final String httpBase;
    private final String namePrefix;
    private final LatencyRecorder latency = new LatencyRecorder();
    private final Bot.Stats stats = new Bot.Stats();
    private final List<Bot> bots = new ArrayList<>();
    private final List<PokerClient> clients = new ArrayList<>();
    private final List<Account> accounts = new ArrayList<>();
    private final Accounts source;
    private Duration think = Duration.ZERO;
    /** Game nodes to look a moved table up at (http://HOST:PORT), in order; empty: bots stay on their one server. */
    private List<String> routeVia = List.of();
    /** Where bots write down what the server acknowledged to them; null: nowhere. */
    private AcknowledgementLog acknowledged;
    private NoticeLog notices;
    /** Numbers each reconnection, so a bot that follows its table twice never sends a requestId it sent before. */
    private final java.util.concurrent.atomic.AtomicLong moves = new java.util.concurrent.atomic.AtomicLong();

    /** Where bots get accounts: the next name and a session token for it. */
    public interface Accounts {
        Credentials next() throws IOException, InterruptedException;
    }

    /** A bot account's name and session token. */
    public record Credentials(String name, String token) {
    }

    /** A bot account, what is left in its wallet for buy-ins, and the tables it sits at (one seat each). */
    private record Account(String name, String token, Money[] left, java.util.Set<Long> tables) {
    }

    /** A table from the lobby that bots can sit at; {@code game} is its variant's code ({@code NLHE}, {@code PLO}). */
    public record LobbyTable(long id, String name, int seats, int seated, Money minBuyIn, Money maxBuyIn, Money bigBlind,
                             String game) {

        /** Pot-limit: the largest bet offered is the pot, not the stack, so a bot may bet it without going broke. */
        boolean potLimit() {
            return "PLO".equalsIgnoreCase(game);
        }
    }

    /** Bots that register accounts of their own, as players do, under a random name for this run. */
    public BotFleet(String wsUrl) {
        this(wsUrl, null);
    }

    /** Bots that play as the accounts {@code source} gives, in order (the server's demo bots, the same every start). */
    public BotFleet(String wsUrl, Accounts source) {
        this.wsUrl = wsUrl;
        this.httpBase = wsUrl.replaceFirst("^ws", "http").replaceFirst("/ws$", "");
        // Names are 3-20 letters, digits, '-' or '_'; a random run prefix keeps runs apart.
        this.namePrefix = "bot" + HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
        this.source = source != null ? source : this::register;
    }

    /** A new account registered over HTTP, as a person signs up. */
    private Credentials register() throws IOException, InterruptedException {
        String name = namePrefix + "-" + (accounts.size() + 1);
        return new Credentials(name, PokerClient.token(httpBase, name, "bot-password-" + name));
    }

    /**
     * Bots seated from now on follow their table when it moves to another game node: they look it up at the first of
     * these nodes that answers ({@code GET /api/route}), connect there and watch it from their last seq.
     */
    public void followMovesVia(List<String> httpBases) {
        this.routeVia = List.copyOf(httpBases);
    }

    /** Bots seated from now on write down every chip movement the server acknowledges to them (buy-ins, top-ups, hands). */
    public void recordAcknowledgementsTo(AcknowledgementLog log) {
        this.acknowledged = log;
    }

    /** Bots seated from now on write down each pause and resumption their table announces (one bot a table). */
    public void recordNoticesTo(NoticeLog log) {
        this.notices = log;
    }

    /** Times bots followed their table to another node. */
    public long tablesFollowed() {
        return stats.tablesFollowed.get();
    }

    /** Where the table is served now: the WebSocket URL of its node, from the first node that answers. */
    private String wsOfTable(long tableId) throws IOException, InterruptedException {
        IOException last = new IOException("no node to ask");
        for (String base : routeVia) {
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/api/route?table=" + tableId)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    JsonNode url = ProtocolJson.mapper().readTree(response.body()).get("url");
                    String http = url == null || url.isNull() ? base : url.asText();
                    return http.replaceFirst("^http", "ws") + "/ws";
                }
                last = new IOException(base + " answered " + response.statusCode() + " for table " + tableId);
            } catch (IOException unreachable) {
                last = unreachable;
            }
        }
        throw last;
    }

    /**
     * Each account sits at no more than {@code tables} tables. A player's wallet messages (every buy-in, top-up and
     * cash-out) go to all of that player's connections, so a thousand seats on one account made the server write a
     * thousand frames for each: 12 accounts for 2,000 tables wrote about 12 million frames as the bots cashed out,
     * which no room of people asks for (docs/performance.md). Default: as many as its wallet covers.
     */
    public void tablesPerAccount(int tables) {
        if (tables < 1) {
            throw new IllegalArgumentException("an account sits at 1 table or more, not " + tables);
        }
        this.tablesPerAccount = tables;
    }

    private int tablesPerAccount = Integer.MAX_VALUE;

    /** Bots seated from now on think about this long (on average) before each action; zero acts at once. */
    public void thinkFor(Duration mean) {
        this.think = mean;
    }

    /** The server's tables as its lobby lists them. */
    public List<LobbyTable> lobby() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(httpBase + "/api/lobby")).timeout(REPLY).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET /api/lobby answered " + response.statusCode());
        }
        List<LobbyTable> tables = new ArrayList<>();
        for (JsonNode row : ProtocolJson.mapper().readTree(response.body()).get("tables")) {
            tables.add(new LobbyTable(row.get("id").asLong(), row.get("name").asText(), row.get("seats").asInt(),
                    row.get("seated").asInt(), Money.parse(row.get("minBuyIn").asText()),
                    Money.parse(row.get("maxBuyIn").asText()), Money.parse(row.get("bigBlind").asText()),
                    row.path("game").asText("NLHE")));
        }
        return tables;
    }

    /**
     * Seats {@code botsPerTable} bots at each table (seats 0, 1, ...), connecting {@code parallelism} at a time. Each
     * buys in for half the table maximum (at least the minimum). Throws if a seat is refused.
     */
    public void seat(List<LobbyTable> tables, int botsPerTable, int parallelism) throws Exception {
        ExecutorService connectors = Executors.newFixedThreadPool(parallelism);
        try {
            List<CompletableFuture<Bot>> seated = new ArrayList<>();
            long seed = 1;
            for (LobbyTable table : tables) {
                Money buyIn = table.minBuyIn().plus(half(table.maxBuyIn().minus(table.minBuyIn())));
                for (int seat = 0; seat < botsPerTable; seat++) {
                    Account account = accountFor(table.id(), buyIn);
                    int number = seat;
                    long botSeed = seed++;
                    seated.add(CompletableFuture.supplyAsync(() -> sitDown(table, number, buyIn, account, botSeed), connectors));
                }
            }
            for (CompletableFuture<Bot> bot : seated) {
                bots.add(bot.join());
            }
        } finally {
            connectors.shutdown();
        }
        bots.forEach(Bot::play);
    }

    private Bot sitDown(LobbyTable table, int seat, Money buyIn, Account account, long seed) {
        try {
            PokerClient client = PokerClient.connect(wsUrl, account.token(), account.name() + "-t" + table.id() + "s" + seat);
            client.keepAlive(KEEP_ALIVE);
            synchronized (clients) {
                clients.add(client);
            }
            Bot bot = new Bot(client, table.id(), seat, buyIn, seed, latency, stats);
            bot.thinkFor(think);
            if (table.potLimit()) {
                bot.betThePotSometimes();
            }
            if (!routeVia.isEmpty()) {
                String prefix = account.name() + "-t" + table.id() + "s" + seat + "-moved";
                bot.followMoves(tableId -> {
                    // A top-up's key is made of its requestId: one sent again after a second move must not be a replay.
                    PokerClient moved = PokerClient.connect(wsOfTable(tableId), account.token(), prefix + moves.incrementAndGet());
                    moved.keepAlive(KEEP_ALIVE);
                    synchronized (clients) {
                        clients.add(moved);
                    }
                    return moved;
                });
            }
            if (seat == 0) {
                bot.countHands();
                if (notices != null) {
                    bot.recordNotices(notices);
                }
            }
            if (acknowledged != null) {
                bot.recordAcknowledgements(acknowledged, account.name());
            }
            ServerMessage reply = bot.sitDown(buyIn, REPLY);
            if (!(reply instanceof ServerMessage.Done)) {
                throw new IllegalStateException("table " + table.id() + " seat " + seat + " refused the bot: " + reply);
            }
            return bot;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * An account not yet at this table whose wallet still covers {@code buyIn} and a top-up, taking the next one when
     * none does (a player has one seat per table).
     */
    private synchronized Account accountFor(long tableId, Money buyIn) throws IOException, InterruptedException {
        Money needed = buyIn.times(2);
        for (Account account : accounts) {
            if (account.tables().size() < tablesPerAccount && !account.left()[0].isLessThan(needed)
                    && account.tables().add(tableId)) {
                account.left()[0] = account.left()[0].minus(buyIn);
                return account;
            }
        }
        // A reused account may have lost its wallet at the tables; one that cannot buy in is passed over, a few times.
        for (int tries = 1; ; tries++) {
            Credentials credentials = source.next();
            Money wallet;
            try (PokerClient probe = PokerClient.connect(wsUrl, credentials.token(), credentials.name() + "-probe")) {
                wallet = probe.welcome().wallet();
            }
            if (!wallet.isLessThan(needed)) {
                Account account = new Account(credentials.name(), credentials.token(), new Money[] {wallet.minus(buyIn)},
                        new java.util.HashSet<>(java.util.Set.of(tableId)));
                accounts.add(account);
                return account;
            }
            accounts.add(new Account(credentials.name(), credentials.token(), new Money[] {wallet}, new java.util.HashSet<>()));
            if (tries == 3) {
                throw new IllegalStateException("a bot's wallet (" + wallet + ") does not cover a buy-in of " + buyIn
                        + "; start the server with a larger --welcome-grant");
            }
        }
    }

    private static Money half(Money amount) {
        return Money.ofCents(amount.toCents() / 2);
    }

    /** Has every bot leave (cashing out after its current hand) and waits up to {@code timeout} for the seats to empty. */
    public void stop(Duration timeout) throws InterruptedException {
        bots.forEach(Bot::leave);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && bots.stream().anyMatch(b -> !b.hasLeft())) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    public int botCount() {
        return bots.size();
    }

    public int accountCount() {
        return accounts.size();
    }

    public long hands() {
        return stats.handsEnded.get();
    }

    public long actions() {
        return stats.actions.get();
    }

    /** Actions the server refused (not counting those refused for the message rate and sent again). */
    public long actionsRefused() {
        return stats.actionsRefused.get();
    }

    /** Bots whose connection the server closed (too slow to read) before they could leave. */
    public long connectionsLost() {
        return stats.connectionsLost.get();
    }

    public long errors() {
        return stats.errors();
    }

    /** The errors the server answered, by code; empty when there were none. */
    public String errorsByCode() {
        return stats.errorsByCode();
    }

    public LatencyRecorder latency() {
        return latency;
    }

    public long botsStillSeated() {
        return bots.stream().filter(b -> !b.hasLeft()).count();
    }

    @Override
    public void close() {
        synchronized (clients) {
            clients.forEach(PokerClient::close);
            clients.clear();
        }
    }
}
