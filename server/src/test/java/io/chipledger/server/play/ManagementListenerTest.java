package io.chipledger.server.play;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.server.ServerSettings;
import io.chipledger.server.metrics.MetricsAccess;
import io.chipledger.server.testing.TestServer;
import io.netty.util.concurrent.EventExecutor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The operators' listener ({@code --management-listen}) answers {@code /health} and {@code /metrics} from an event
 * loop of its own, so a probe gets its answer while every event loop serving players is held busy (as a flood of
 * hostile frames holds them).
 */
class ManagementListenerTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    @Test
    void healthAndMetricsAnswerOnTheManagementListenerWhileEveryPlayersEventLoopIsBusy() throws Exception {
        try (TestServer live = TestServer.forThisTest().settings(ServerSettings.forTests()
                .withMetricsAccess(new MetricsAccess(null, "127.0.0.1", 0))).start()) {
            CountDownLatch release = new CountDownLatch(1);
            List<CompletableFuture<Void>> held = holdBusy(live.server().playerEventLoops(), release);
            try {
                CompletableFuture.allOf(held.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
                HttpResponse<String> health = get(live.server().metricsPort(), "/health");
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"ok\"");
                assertThat(get(live.server().metricsPort(), "/health/live").statusCode()).isEqualTo(200);
                assertThat(get(live.server().metricsPort(), "/metrics").body()).contains("poker_tables");
                assertThat(get(live.server().metricsPort(), "/").statusCode()).as("no web client there").isEqualTo(404);
            } finally {
                release.countDown();
            }
            assertThat(live.get("/health", null).statusCode()).as("the main port still serves probes").isEqualTo(200);
        }
    }

    /** Puts a task on every loop that holds it until {@code release}; each future completes once its loop is held. */
    private static List<CompletableFuture<Void>> holdBusy(Iterable<EventExecutor> loops, CountDownLatch release) {
        List<CompletableFuture<Void>> held = new ArrayList<>();
        for (EventExecutor loop : loops) {
            CompletableFuture<Void> holding = new CompletableFuture<>();
            loop.execute(() -> {
                holding.complete(null);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            held.add(holding);
        }
        return held;
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
