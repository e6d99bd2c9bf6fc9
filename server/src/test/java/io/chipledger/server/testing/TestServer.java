package io.chipledger.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipledger.ledger.Account;
import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.audit.AuditReport;
import io.chipledger.ledger.audit.LedgerAuditor;
import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.db.DatabaseConfig;
import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.money.Money;
import io.chipledger.money.RakeRule;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ProtocolJson;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.GameServer;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.account.PasswordHasher;
import io.chipledger.server.admin.FirstAdmin;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.table.TableConfig;
import io.chipledger.server.table.TableDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every live-server, admin and browser test stands on: a real game server on a fresh embedded-PostgreSQL
 * database and a loopback port, and the calls a test makes on it (open tables, log players in, read the ledger and
 * the database directly, call the HTTP API as a player or an admin). Optionally with the first admin created, and
 * with headless Chromium started first (a machine without it skips the class before any server starts).
 *
 * <p>Register it as {@code @RegisterExtension static final TestServer live = TestServer.forEachTestClass()...} to
 * start it before a class's tests and stop it after them, or take {@code TestServer.forThisTest()...start()} in a
 * try-with-resources for a server of one's own (other settings, a restart on the same database).
 */
public final class TestServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(30);
    public static final String ADMIN = "root";
    public static final String ADMIN_PASSWORD = "root-password-for-tests";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ServerSettings settings = ServerSettings.forTests();
    private String jdbcUrl;
    private boolean withAdmin;
    private boolean withBrowser;
    // Set when the server starts: before the class's first test when it is an extension, at once by start().
    private GameServer server;
    private Chromium chromium;
    private String adminToken;

    private TestServer() {
    }

    /** A server for a test class, registered as an extension: started before its tests, stopped after them. */
    public static TestServer forEachTestClass() {
        return new TestServer();
    }

    /** A server of one test's own: configure it, {@link #start()} it, and close it. */
    public static TestServer forThisTest() {
        return new TestServer();
    }

    public TestServer settings(ServerSettings serverSettings) {
        this.settings = serverSettings;
        return this;
    }

    /** Runs on the database another server used (which must be stopped): a restart. */
    public TestServer onDatabase(String url) {
        this.jdbcUrl = url;
        return this;
    }

    /** With the first admin, {@value #ADMIN}, created unless the database has them, and logged in ({@link #adminToken()}). */
    public TestServer withAdmin() {
        this.withAdmin = true;
        return this;
    }

    /** With headless Chromium ({@link #chromium()}), started before the server. */
    public TestServer withBrowser() {
        this.withBrowser = true;
        return this;
    }

    public TestServer start() throws Exception {
        if (withBrowser) {
            chromium = Chromium.launch();
        }
        try {
            Database database = jdbcUrl == null ? SharedPostgres.freshDatabase()
                    : Database.open(DatabaseConfig.server(jdbcUrl, "postgres", null));
            server = GameServer.start(database, settings);
            if (withAdmin) {
                adminToken();
            }
        } catch (Exception | Error e) {
            close();
            throw e;
        }
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        // Nothing is open when Chromium was missing and the class was skipped.
        if (server != null) {
            server.close();
            server = null;
        }
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    public GameServer server() {
        return server;
    }

    public Chromium chromium() {
        return chromium;
    }

    public String http() {
        return "http://127.0.0.1:" + server.port();
    }

    public String ws() {
        return "ws://127.0.0.1:" + server.port() + "/ws";
    }

    public String jdbcUrl() {
        return server.database().jdbcUrl();
    }

    /** The admin's session, the admin created first (unless the database has them) when nobody asked for it yet. */
    public String adminToken() {
        if (adminToken == null) {
            FirstAdmin.on(server.database().sqlSessionFactory(), PasswordHasher.MIN_ITERATIONS)
                    .create(ADMIN, ADMIN_PASSWORD.toCharArray(), "tests", true);
            try {
                adminToken = login(ADMIN, ADMIN_PASSWORD);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while logging the admin in", e);
            }
        }
        return adminToken;
    }

    // ---- tables ----

    /** Opens a plain No-Limit table (blinds 0.50/1.00, buy-in 20 to 100) and returns its id. */
    public long openTable(String name, int seats) {
        return openTable(TableDirectory.plainTable(name, Money.parse("0.50"), Money.parse("1.00"), seats));
    }

    /** A table whose clock runs fast (1 s to act, no time bank), for tests where players time out. */
    public long openFastTable(String name, int seats) {
        TableConfig plain = TableDirectory.plainTable(name, Money.parse("0.50"), Money.parse("1.00"), seats);
        return openTable(new TableConfig(0, name, plain.currency(), plain.stakes(), seats, plain.minBuyIn(), plain.maxBuyIn(),
                RakeRule.NONE, Duration.ofSeconds(1), Duration.ZERO));
    }

    /** Opens a table with these settings (their id is ignored) and returns its id. */
    public long openTable(TableConfig settings) {
        return server.tables().create(settings).config().id();
    }

    // ---- players ----

    /** Registers {@code name} (password {@code <name>-password}, with the welcome grant), or logs in; the token. */
    public String token(String name) throws IOException, InterruptedException {
        return PokerClient.token(http(), name, name + "-password");
    }

    /** Registers (or logs in) {@code name} and opens a session over a new WebSocket. */
    public PokerClient connect(String name) throws Exception {
        return PokerClient.connect(ws(), token(name), name);
    }

    /** Registers (or logs in) {@code name} and watches the table from now on, over a new WebSocket. */
    public PokerClient watcher(String name, long tableId) throws Exception {
        PokerClient client = connect(name);
        client.reply(client.send(r -> new ClientMessage.Watch(r, tableId, null)), WAIT);
        return client;
    }

    public String login(String name, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = PokerClient.post(http() + "/api/login",
                ProtocolJson.write(Map.of("name", name, "password", password)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login " + name + ": " + response.statusCode() + " " + response.body());
        }
        return json(response).get("token").asText();
    }

    public long playerId(String name) {
        return server.players().find(name).join().orElseThrow().id();
    }

    // ---- the ledger ----

    public Money wallet(String name) {
        return balance(AccountKind.WALLET, playerRef(name));
    }

    public Money seat(long tableId, String name) {
        return balance(AccountKind.SEAT, "table:" + tableId + "/" + playerRef(name));
    }

    public Money pot(long tableId) {
        return balance(AccountKind.POT, "table:" + tableId);
    }

    /**
     * Every chip at the table, its seats and its pot, read in one statement: one snapshot of the ledger, so a hand
     * moving chips between them meanwhile cannot make the sum look wrong, as reading the accounts one by one could.
     */
    public Money chipsOnTable(long tableId) {
        String table = "table:" + tableId;
        try (Connection connection = server.database().dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT coalesce(sum(balance), 0) FROM account WHERE currency = ? AND"
                             + " ((kind = 'SEAT' AND starts_with(owner_ref, ?)) OR (kind = 'POT' AND owner_ref = ?))")) {
            query.setString(1, GameServer.CURRENCY);
            query.setString(2, table + "/");
            query.setString(3, table);
            try (ResultSet sum = query.executeQuery()) {
                sum.next();
                return Money.of(sum.getBigDecimal(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the chips on table " + tableId, e);
        }
    }

    public AuditReport audit() {
        return new LedgerAuditor(server.database().sqlSessionFactory()).audit();
    }

    private Money balance(AccountKind kind, String owner) {
        return server.ledger().findAccount(kind, owner, GameServer.CURRENCY).map(Account::balance).orElse(Money.ZERO);
    }

    private String playerRef(String name) {
        return server.players().find(name).join().orElseThrow().ledgerOwner();
    }

    // ---- HTTP, as a player or an admin ----

    public HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http() + path)).timeout(WAIT).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http() + path)).timeout(WAIT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs as the admin and returns the JSON answer. */
    public JsonNode adminPost(String path, String json) throws IOException, InterruptedException {
        return json(post(path, adminToken(), json));
    }

    public JsonNode adminGet(String path) throws IOException, InterruptedException {
        return json(get(path, adminToken()));
    }

    public static JsonNode json(HttpResponse<String> response) throws IOException {
        return ProtocolJson.mapper().readTree(response.body());
    }

    /** A fresh idempotency key. */
    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    // ---- the database, read directly ----

    /** Every row of a query, each as its columns joined by '|': for before/after comparisons. */
    public List<String> rows(String sql) {
        try (Connection c = server.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(r.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public long count(String sql) {
        return Long.parseLong(rows(sql).get(0));
    }

    public void execute(String... statements) {
        try (Connection c = server.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(String.join("; ", statements) + ": " + e.getMessage(), e);
        }
    }

    // ---- waiting ----

    /** Waits (up to {@link #WAIT}) for something the server finishes asynchronously; fails if it never happens. */
    public static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Reads until a table event of {@code type} matching {@code wanted} arrives; throws if none does in time. */
    public static <E extends TableEvent> E awaitEvent(PokerClient client, Class<E> type, Predicate<E> wanted)
            throws InterruptedException {
        ServerMessage message = client.await(m -> m instanceof ServerMessage.Event e && type.isInstance(e.event())
                && wanted.test(type.cast(e.event())), WAIT);
        return type.cast(((ServerMessage.Event) message).event());
    }

    public static <E extends TableEvent> E awaitEvent(PokerClient client, Class<E> type) throws InterruptedException {
        return awaitEvent(client, type, e -> true);
    }
}
