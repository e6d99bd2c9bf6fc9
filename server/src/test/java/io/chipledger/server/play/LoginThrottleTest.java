package io.chipledger.server.play;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.api.LoginLimits;
import io.chipledger.server.metrics.MetricsAccess;
import io.chipledger.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: logins and registrations are throttled per address and per account name with a clear 429 and
 * Retry-After; failures slow a name down without locking its player out at an address they logged in from; the
 * welcome grant cannot be farmed by registering in a loop; and {@code /metrics} can demand a token or live on a
 * listener of its own.
 */
class LoginThrottleTest {

    private static final LoginLimits LIMITS = new LoginLimits(6, 3, Duration.ofSeconds(30), 2, Duration.ofDays(1), true);

    @Test
    void oneAddressGetsOnlySoManyTriesAMinute() throws Exception {
        try (TestServer live = TestServer.forThisTest().settings(ServerSettings.forTests().withLogins(LIMITS)).start()) {
            int port = live.server().port();
            String last = null;
            for (int i = 0; i < 7; i++) {
                last = RawHttp.post("127.0.0.5", port, "/api/login", "{\"name\":\"ghost" + i + "\",\"password\":\"wrong-password\"}");
            }
            assertThat(last).startsWith("HTTP/1.1 429").contains("Retry-After: ").contains("RATE_LIMITED");
            assertThat(RawHttp.post("127.0.0.6", port, "/api/login", "{\"name\":\"ghost\",\"password\":\"wrong-password\"}"))
                    .as("another address").startsWith("HTTP/1.1 401");
        }
    }

    @Test
    void failuresSlowANameButNotItsPlayerAtAnAddressTheyUsedBefore() throws Exception {
        try (TestServer live = TestServer.forThisTest().settings(ServerSettings.forTests().withLogins(LIMITS)).start()) {
            int port = live.server().port();
            String right = "{\"name\":\"vic\",\"password\":\"vic-password\"}";
            assertThat(RawHttp.post("127.0.0.8", port, "/api/register", right)).startsWith("HTTP/1.1 201");
            for (int i = 0; i < 3; i++) {
                assertThat(RawHttp.post("127.0.0." + (20 + i), port, "/api/login", "{\"name\":\"vic\",\"password\":\"guess-" + i + "\"}"))
                        .startsWith("HTTP/1.1 401");
            }
            assertThat(RawHttp.post("127.0.0.24", port, "/api/login", right)).as("an unknown address, even with the password")
                    .startsWith("HTTP/1.1 429").contains("Retry-After: ");
            assertThat(RawHttp.post("127.0.0.8", port, "/api/login", right)).as("the player, where they logged in before")
                    .startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void registeringInALoopGetsNoMoreWelcomeGrantsThanTheAllowance() throws Exception {
        try (TestServer live = TestServer.forThisTest().settings(ServerSettings.forTests().withLogins(LIMITS)).start()) {
            int port = live.server().port();
            for (String name : new String[] {"farm1", "farm2", "farm3"}) {
                String answer = RawHttp.post("127.0.0.30", port, "/api/register", "{\"name\":\"" + name + "\",\"password\":\"" + name + "-password\"}");
                assertThat(answer).startsWith("HTTP/1.1 201");
            }
            assertThat(live.wallet("farm1")).isEqualTo(Money.parse("1000.00"));
            assertThat(live.wallet("farm2")).isEqualTo(Money.parse("1000.00"));
            assertThat(live.wallet("farm3")).isEqualTo(Money.ZERO);
            assertThat(live.audit().clean()).isTrue();
        }
    }

    @Test
    void metricsCanDemandATokenOrLiveOnAListenerOfTheirOwn() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (TestServer live = TestServer.forThisTest().settings(ServerSettings.forTests()
                .withMetricsAccess(new MetricsAccess("scrape-secret", null, 0))).start()) {
            assertThat(live.get("/metrics", null).statusCode()).isEqualTo(401);
            assertThat(live.get("/metrics", "not-the-secret").statusCode()).isEqualTo(401);
            assertThat(live.get("/metrics", "scrape-secret").statusCode()).isEqualTo(200);
        }
        try (TestServer live = TestServer.forThisTest().settings(ServerSettings.forTests()
                .withMetricsAccess(new MetricsAccess(null, "127.0.0.1", 0))).start()) {
            assertThat(live.get("/metrics", null).statusCode()).as("not on the main port").isEqualTo(404);
            HttpResponse<String> own = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + live.server().metricsPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(own.statusCode()).isEqualTo(200);
            assertThat(own.body()).contains("poker_tables");
        }
    }
}
