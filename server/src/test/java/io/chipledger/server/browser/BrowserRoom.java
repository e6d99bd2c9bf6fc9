package io.chipledger.server.browser;

import io.chipledger.money.Money;
import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.server.GameServer;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.table.TableDirectory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every browser test stands on: headless Chromium and a game server on a fresh embedded database, reached over
 * loopback. One per test class; Chromium starts first, so a machine without it skips the class before a server starts.
 */
final class BrowserRoom implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private final ServerSettings settings;
    // Set when the room opens: before the class's first test when it is registered as an extension, at once by open().
    Chromium chromium;
    GameServer server;
    String http;
    String ws;

    private BrowserRoom(ServerSettings settings) {
        this.settings = settings;
    }

    /**
     * The room of a test class, registered as {@code @RegisterExtension static final BrowserRoom room}: opened before
     * the class's tests, closed after them.
     */
    static BrowserRoom forEachTestClass() {
        return forEachTestClass(ServerSettings.forTests());
    }

    /** The same, with a server of other settings. */
    static BrowserRoom forEachTestClass(ServerSettings settings) {
        return new BrowserRoom(settings);
    }

    /** A room opened now, for a test that needs one of its own (its server's settings differ); close it. */
    static BrowserRoom open(ServerSettings settings) throws InterruptedException {
        BrowserRoom room = new BrowserRoom(settings);
        room.start();
        return room;
    }

    private void start() throws InterruptedException {
        chromium = Chromium.launch();
        try {
            server = GameServer.start(SharedPostgres.freshDatabase(), settings);
        } catch (RuntimeException | InterruptedException e) {
            chromium.close();
            throw e;
        }
        http = "http://127.0.0.1:" + server.port();
        ws = "ws://127.0.0.1:" + server.port() + "/ws";
    }

    @Override
    public void beforeAll(ExtensionContext context) throws InterruptedException {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Opens a plain No-Limit table with blinds 0.50/1.00 (buy-in 20 to 100) and returns its id. */
    long openTable(String name, int seats) {
        return server.tables().create(TableDirectory.plainTable(name, Money.parse("0.50"), Money.parse("1.00"), seats)).config().id();
    }

    @Override
    public void close() {
        // Nothing is open when Chromium was missing and the class was skipped.
        if (server != null) {
            server.close();
        }
        if (chromium != null) {
            chromium.close();
        }
    }
}
