package io.chipledger.server.browser;

import io.chipledger.ledger.money.Money;
import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.server.GameServer;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.table.TableDirectory;

/**
 * What every browser test stands on: headless Chromium and a game server on a fresh embedded database, reached over
 * loopback. One per test class; Chromium starts first, so a machine without it skips the class before a server starts.
 */
final class BrowserRoom implements AutoCloseable {

    final Chromium chromium;
    final GameServer server;
    final String http;
    final String ws;

    private BrowserRoom(Chromium chromium, GameServer server) {
        this.chromium = chromium;
        this.server = server;
        this.http = "http://127.0.0.1:" + server.port();
        this.ws = "ws://127.0.0.1:" + server.port() + "/ws";
    }

    static BrowserRoom open() throws InterruptedException {
        return open(ServerSettings.forTests());
    }

    static BrowserRoom open(ServerSettings settings) throws InterruptedException {
        Chromium chromium = Chromium.launch();
        try {
            return new BrowserRoom(chromium, GameServer.start(SharedPostgres.freshDatabase(), settings));
        } catch (RuntimeException | InterruptedException e) {
            chromium.close();
            throw e;
        }
    }

    /** Opens a plain No-Limit table with blinds 0.50/1.00 (buy-in 20 to 100) and returns its id. */
    long openTable(String name, int seats) {
        return server.tables().create(TableDirectory.plainTable(name, Money.parse("0.50"), Money.parse("1.00"), seats)).config().id();
    }

    @Override
    public void close() {
        chromium.close();
        server.close();
    }
}
