package io.chipledger.server.net;

import io.chipledger.protocol.ProtocolJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Liveness and readiness apart. {@code GET /health/live}: 200 whenever the process answers at all (restart it when
 * this fails). {@code GET /health/ready}, and {@code GET /health} as before: 200 {@code {"status":"ok"}} when the
 * server can take players, else 503 with why, {@code {"status":"starting"}} while {@code serve} still opens its tables,
 * or {@code {"status":"unavailable","reason":...}} while the database or the ledger writer is away (send no one here,
 * but do not restart it: it comes back by itself).
 */
public final class HealthEndpoint {

    /** Why the server cannot take players now: null when it can. */
    public record Unready(String status, String reason) {
    }

    private final Supplier<Unready> readiness;

    public HealthEndpoint(Supplier<Unready> readiness) {
        this.readiness = readiness;
    }

    public void addTo(HttpRoutes routes) {
        routes.get("/health", this::ready)
                .get("/health/ready", this::ready)
                .get("/health/live", call -> CompletableFuture.completedFuture(HttpReply.json(200, "{\"status\":\"alive\"}")));
    }

    private CompletionStage<HttpReply> ready(HttpCall call) {
        Unready unready = readiness.get();
        if (unready == null) {
            return CompletableFuture.completedFuture(HttpReply.json(200, "{\"status\":\"ok\"}"));
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", unready.status());
        if (unready.reason() != null) {
            body.put("reason", unready.reason());
        }
        return CompletableFuture.completedFuture(HttpReply.json(503, ProtocolJson.write(body)));
    }
}
