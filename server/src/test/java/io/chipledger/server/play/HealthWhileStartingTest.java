package io.chipledger.server.play;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.server.GameServer;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.table.TableDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * {@code serve --tables N} opens its tables through the running server, so it listens before it is ready; a script
 * that waits for {@code /health} (the bots, CI, a load balancer) must not be told "ok" before those tables exist.
 */
class HealthWhileStartingTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthSaysStartingUntilTheServerIsMarkedReady() throws Exception {
        try (GameServer server = GameServer.startListening(SharedPostgres.freshDatabase(), ServerSettings.forTests())) {
            HttpResponse<String> starting = health(server);
            assertThat(starting.statusCode()).isEqualTo(503);
            assertThat(starting.body()).isEqualTo("{\"status\":\"starting\"}");

            server.tables().create(TableDirectory.plainTable("Opened while starting", Money.parse("0.50"),
                    Money.parse("1.00"), 6));
            server.ready();

            HttpResponse<String> ready = health(server);
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(lobby(server)).contains("Opened while starting");
        }
    }

    @Test
    void aServerStartedTheShortWayIsReadyAtOnce() throws Exception {
        try (GameServer server = GameServer.start(SharedPostgres.freshDatabase(), ServerSettings.forTests())) {
            assertThat(health(server).statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> health(GameServer server) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String lobby(GameServer server) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/lobby")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
