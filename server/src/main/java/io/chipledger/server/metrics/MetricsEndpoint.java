package io.chipledger.server.metrics;

import io.chipledger.server.net.HttpCall;
import io.chipledger.server.net.HttpReply;
import io.chipledger.server.net.HttpRoutes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@code GET /metrics}: the registry in the Prometheus text format. Reading counters never blocks. */
public final class MetricsEndpoint {

    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private final Metrics metrics;

    public MetricsEndpoint(Metrics metrics) {
        this.metrics = metrics;
    }

    public void addTo(HttpRoutes routes) {
        routes.get("/metrics", this::scrape);
    }

    /** As {@link #addTo(HttpRoutes)}, answering only a caller that sends {@code Authorization: Bearer token}. */
    public void addTo(HttpRoutes routes, String token) {
        if (token == null) {
            addTo(routes);
            return;
        }
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        routes.get("/metrics", call -> {
            String sent = call.header("authorization");
            // Compared in constant time, so the token cannot be guessed a character at a time.
            if (sent == null || !java.security.MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.UTF_8))) {
                return CompletableFuture.completedFuture(new HttpReply(401, "text/plain; charset=utf-8",
                        "send Authorization: Bearer <metrics token>\n".getBytes(StandardCharsets.UTF_8),
                        Map.of("WWW-Authenticate", "Bearer")));
            }
            return scrape(call);
        });
    }

    private CompletionStage<HttpReply> scrape(HttpCall call) {
        return CompletableFuture.completedFuture(
                new HttpReply(200, CONTENT_TYPE, metrics.scrape().getBytes(StandardCharsets.UTF_8), Map.of()));
    }
}
