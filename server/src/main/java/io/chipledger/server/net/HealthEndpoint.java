package io.chipledger.server.net;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@code GET /health}: answers 200 once the server is listening, which it only does after the database is ready. */
public final class HealthEndpoint implements HttpEndpoint {

    @Override
    public CompletionStage<HttpReply> handle(HttpCall call) {
        return CompletableFuture.completedFuture(HttpReply.json(200, "{\"status\":\"ok\"}"));
    }
}
