package io.chipledger.server.net;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /health}: 200 {@code {"status":"ok"}} once the server is ready, 503 {@code {"status":"starting"}} before.
 * The server listens before it is ready (the tables {@code serve --tables} asks for are opened through it), so a
 * script that waits for 200 finds every table it was promised.
 */
public final class HealthEndpoint implements HttpEndpoint {

    private final BooleanSupplier ready;

    public HealthEndpoint(BooleanSupplier ready) {
        this.ready = ready;
    }

    @Override
    public CompletionStage<HttpReply> handle(HttpCall call) {
        HttpReply reply = ready.getAsBoolean()
                ? HttpReply.json(200, "{\"status\":\"ok\"}")
                : HttpReply.json(503, "{\"status\":\"starting\"}");
        return CompletableFuture.completedFuture(reply);
    }
}
