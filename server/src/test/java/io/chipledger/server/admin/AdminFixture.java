package io.chipledger.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.db.DatabaseConfig;
import io.chipledger.money.Money;
import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.protocol.ProtocolJson;
import io.chipledger.server.GameServer;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.account.PasswordHasher;
import io.chipledger.server.bot.PokerClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * A real game server on a fresh embedded-PostgreSQL database with one admin ({@value #ADMIN}), and the HTTP calls an
 * admin console makes, over loopback. SQL helpers read the database directly to check what really changed.
 */
final class AdminFixture implements AutoCloseable {

    static final String ADMIN = "root";
    static final String ADMIN_PASSWORD = "root-password-for-tests";
    static final Duration WAIT = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    final GameServer server;
    final String http;
    final String ws;
    final String adminToken;

    private AdminFixture(GameServer server) throws IOException, InterruptedException {
        this.server = server;
        this.http = "http://127.0.0.1:" + server.port();
        this.ws = "ws://127.0.0.1:" + server.port() + "/ws";
        this.adminToken = login(ADMIN, ADMIN_PASSWORD);
    }

    static AdminFixture start() throws Exception {
        GameServer server = GameServer.start(SharedPostgres.freshDatabase(), ServerSettings.forTests());
        FirstAdmin.on(server.database().sqlSessionFactory(), PasswordHasher.MIN_ITERATIONS)
                .create(ADMIN, ADMIN_PASSWORD.toCharArray(), "tests", false);
        return new AdminFixture(server);
    }

    /** A new server on the database another fixture's server used (which must be closed): a restart. */
    static AdminFixture restartOn(String jdbcUrl) throws Exception {
        Database database = Database.open(DatabaseConfig.server(jdbcUrl, "postgres", null));
        return new AdminFixture(GameServer.start(database, ServerSettings.forTests()));
    }

    String login(String name, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = PokerClient.post(http + "/api/login",
                ProtocolJson.write(java.util.Map.of("name", name, "password", password)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login " + name + ": " + response.statusCode() + " " + response.body());
        }
        return json(response).get("token").asText();
    }

    /** Registers a player (with the welcome grant) and returns their token. */
    String register(String name) throws IOException, InterruptedException {
        return PokerClient.token(http, name, name + "-password");
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http + path)).timeout(WAIT).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http + path)).timeout(WAIT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs as the admin and returns the JSON answer. */
    JsonNode adminPost(String path, String json) throws IOException, InterruptedException {
        return json(post(path, adminToken, json));
    }

    JsonNode adminGet(String path) throws IOException, InterruptedException {
        return json(get(path, adminToken));
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return ProtocolJson.mapper().readTree(response.body());
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    long playerId(String name) {
        return server.players().find(name).join().orElseThrow().id();
    }

    Money wallet(String name) {
        var player = server.players().find(name).join().orElseThrow();
        return server.ledger().findAccount(AccountKind.WALLET, player.ledgerOwner(), GameServer.CURRENCY)
                .map(a -> a.balance()).orElse(Money.ZERO);
    }

    /** Every row of a query, each as its columns joined by '|': for before/after comparisons. */
    List<String> rows(String sql) {
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

    long count(String sql) {
        return Long.parseLong(rows(sql).get(0));
    }

    void execute(String sql) {
        try (Connection c = server.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Waits (up to {@link #WAIT}) for something the server finishes asynchronously; fails if it never happens. */
    static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
