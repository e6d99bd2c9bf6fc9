package io.chipledger.server.play;

import static io.chipledger.server.testing.TestServer.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.ledger.testing.CuttingProxy;
import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.money.Money;
import io.chipledger.protocol.ProtocolJson;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: PostgreSQL going away (here: every connection to it cut, new ones refused, as a stopped server does). The
 * server notices, readiness answers 503 while liveness stays 200, tables pause with a notice to players, a request that needs the database is answered 503
 * rather than left hanging (over HTTP and over the socket), everything works again by itself once the database is back, and SIGTERM stops a server
 * whose database is gone within the operator's patience.
 */
class DatabaseAwayTest {

    @Test
    void readinessFollowsTheDatabaseRequestsAreAnsweredAndItRecoversByItself() throws Exception {
        String name = SharedPostgres.emptyDatabase();
        URI shared = URI.create(SharedPostgres.jdbcUrl(name).substring("jdbc:".length()));
        try (CuttingProxy proxy = new CuttingProxy(shared.getHost(), shared.getPort());
             TestServer live = TestServer.forThisTest()
                     .onDatabase("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + name).start()) {
            live.token("olga");
            assertThat(live.get("/health", null).statusCode()).isEqualTo(200);
            long table = live.openTable("Away", 6);
            PokerClient watcher = live.connect("olga");
            watcher.reply(watcher.send(r -> new ClientMessage.Watch(r, table, null)), TestServer.WAIT);

            proxy.goDown();
            assertThat(TestServer.awaitEvent(watcher, TableEvent.TablePaused.class).reason()).contains("database");
            eventually("readiness says the database is gone", () -> status(live, "/health/ready") == 503);
            HttpResponse<String> ready = live.get("/health/ready", null);
            assertThat(TestServer.json(ready).get("status").asText()).isEqualTo("unavailable");
            assertThat(status(live, "/health")).as("the old path answers as readiness").isEqualTo(503);
            assertThat(status(live, "/health/live")).as("alive: no restart needed").isEqualTo(200);
            HttpResponse<String> login = login(live, "olga");
            assertThat(login.statusCode()).as(login.body()).isEqualTo(503);
            assertThat(login.headers().firstValue("Retry-After")).isPresent();
            // A request over the socket that would move money is answered too, not left waiting for the ledger.
            String sit = watcher.send(r -> new ClientMessage.SitDown(r, table, 0, Money.parse("50.00")));
            assertThat(watcher.reply(sit, TestServer.WAIT)).as("an answer to a sitDown while the database is away")
                    .isInstanceOf(ServerMessage.Error.class);

            proxy.comeBack();
            eventually("readiness says ok again", () -> status(live, "/health") == 200);
            assertThat(TestServer.awaitEvent(watcher, TableEvent.TableResumed.class)).isNotNull();
            watcher.close();
            eventually("logins work again", () -> {
                try {
                    return login(live, "olga").statusCode() == 200;
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    @Test
    void sigtermStopsAServerWhoseDatabaseIsGone() throws Exception {
        String name = SharedPostgres.emptyDatabase();
        URI shared = URI.create(SharedPostgres.jdbcUrl(name).substring("jdbc:".length()));
        try (CuttingProxy proxy = new CuttingProxy(shared.getHost(), shared.getPort())) {
            ServerProcess server = ServerProcess.serve("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + name,
                    "--tables", "2", "--demo-bots", "1");
            proxy.goDown();
            eventually("the server noticed", () -> {
                try {
                    return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            URI.create(server.http() + "/health")).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 503;
                } catch (Exception e) {
                    return false;
                }
            });
            // terminate() gives up (and fails) when the process is still there 90 s after SIGTERM.
            server.terminate();
            assertThat(server.output()).contains("the database is unavailable");
        }
    }

    private static int status(TestServer live, String path) {
        try {
            return live.get(path, null).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static HttpResponse<String> login(TestServer live, String name) throws Exception {
        return live.post("/api/login", null, ProtocolJson.write(Map.of("name", name, "password", name + "-password")));
    }
}
