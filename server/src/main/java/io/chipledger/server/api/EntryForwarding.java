package io.chipledger.server.api;

import io.chipledger.server.net.HttpCall;
import io.chipledger.server.net.HttpReply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongFunction;

/**
 * On a game node among others, a sit-and-go entry (register, unregister) for a tournament another node runs is passed
 * on to that node as the player sent it (their session is good on every node), and its answer passed back: only the
 * node holding a tournament's lease takes its entries, so it fills exactly once whichever node a player asked. One hop
 * only: a request passed on is answered where it arrives.
 */
final class EntryForwarding {

    /** Names the node that passed the request on; such a request is never passed on again. */
    static final String FORWARDED_BY = "x-chipledger-forwarded-by";
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

    private final String node;
    private final LongFunction<Optional<String>> runningAt;
    private final Executor worker;
    private final HttpClient http;

    /**
     * @param node      this node's name
     * @param runningAt the URL of the other node running a tournament, if another does (blocking: asked on the worker)
     */
    EntryForwarding(String node, LongFunction<Optional<String>> runningAt, Executor worker) {
        this.node = node;
        this.runningAt = runningAt;
        this.worker = worker;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(worker).build();
    }

    /** The answer of the node running the tournament, or empty when it is this one (or none): answer here. */
    CompletableFuture<Optional<HttpReply>> passOn(HttpCall call, long tournamentId) {
        if (call.header(FORWARDED_BY) != null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return CompletableFuture.supplyAsync(() -> runningAt.apply(tournamentId), worker).thenCompose(url -> {
            if (url.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.get() + call.path()))
                    .timeout(ANSWER_WITHIN).header("Content-Type", "application/json").header(FORWARDED_BY, node)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(call.body()));
            String authorization = call.header("authorization");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                    .thenApply(answer -> Optional.of(new HttpReply(answer.statusCode(), "application/json; charset=utf-8",
                            answer.body(), Map.of())))
                    .exceptionally(unreachable -> Optional.of(JsonReplies.error(503, "UNAVAILABLE", "the game node running"
                            + " tournament " + tournamentId + " does not answer; try again in a moment")));
        });
    }
}
