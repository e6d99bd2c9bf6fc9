package io.chipledger.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chipledger.server.cluster.GameNode;
import io.chipledger.server.cluster.NodeState;
import io.chipledger.server.net.HttpCall;
import io.chipledger.server.table.TableLocator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * On a game node among others, the console of one node runs the whole room: an operator's action on a table another
 * node serves is passed on to that node (the operator's session is good on every node) and its answer passed back, so
 * the table's actor stays the only writer of its table, and that node logs the action; the table list asks every
 * other live node for the tables it serves. One hop only: a request passed on is answered where it arrives.
 */
final class ConsoleForwarding {

    /** Names the node that passed the request on; such a request is never passed on again. */
    static final String FORWARDED_BY = "x-chipledger-forwarded-by";
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);
    private static final Duration LIST_WITHIN = Duration.ofSeconds(5);

    /** Another node's tables as it listed them, or why it did not. */
    record NodeTables(GameNode node, List<ObjectNode> rows, boolean answered) {
    }

    private final String node;
    private final TableLocator room;
    private final Supplier<List<GameNode>> nodes;
    private final Executor worker;
    private final HttpClient http;

    ConsoleForwarding(String node, TableLocator room, Supplier<List<GameNode>> nodes, Executor worker) {
        this.node = node;
        this.room = room;
        this.nodes = nodes;
        this.worker = worker;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(worker).build();
    }

    static boolean forwarded(HttpCall call) {
        return call.header(FORWARDED_BY) != null;
    }

    /**
     * The answer of the node serving {@code tableId}, or empty when it is this one, or there is no such open table,
     * or the call was passed on already: answer here. 503 {@code TABLE_MOVING} while no node holds the table.
     */
    CompletableFuture<Optional<AdminReply>> toOwner(HttpCall call, long tableId) {
        if (forwarded(call)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return CompletableFuture.supplyAsync(() -> room.locate(tableId), worker).thenCompose(route -> {
            if (route.isEmpty() || node.equals(route.get().node())) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            if (!route.get().served()) {
                return CompletableFuture.completedFuture(Optional.of(AdminReply.error(503, "TABLE_MOVING", "table "
                        + tableId + " is being taken over by another node; nothing was done, try again in a moment")));
            }
            String owner = route.get().node();
            HttpRequest request = request(route.get().url() + call.path(), call, ANSWER_WITHIN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(call.body())).build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenApply(answer -> Optional.of(AdminReply.stored(answer.statusCode(), answer.body())))
                    .exceptionally(unreachable -> Optional.of(AdminReply.error(503, "NODE_UNREACHABLE", "node " + owner
                            + " serving table " + tableId + " does not answer; the outcome is unknown: resend with the"
                            + " same idempotency key to learn it")));
        });
    }

    /** Every other RUNNING or DRAINING node's own tables, asked at once; a node that does not answer in 5 s is skipped. */
    CompletableFuture<List<NodeTables>> otherNodesTables(HttpCall call) {
        return askOtherNodes(call, "/api/admin/tables").thenApply(answers -> answers.stream()
                .map(answer -> new NodeTables(answer.node(), answer.answered() ? rows(answer.body()) : List.of(), answer.answered()))
                .toList());
    }

    /** Another node's answer to a console GET passed on to it: its JSON body, or a missing node when it did not answer. */
    record NodeAnswer(GameNode node, JsonNode body, boolean answered) {
    }

    /**
     * Every other RUNNING or DRAINING node asked {@code GET path} at once, with the operator's session, each answering
     * for itself only (the request is marked passed on); a node that does not answer 200 in 5 s is listed unanswered.
     */
    CompletableFuture<List<NodeAnswer>> askOtherNodes(HttpCall call, String path) {
        if (forwarded(call)) {
            return CompletableFuture.completedFuture(List.of());
        }
        return CompletableFuture.supplyAsync(nodes, worker).thenCompose(all -> {
            List<CompletableFuture<NodeAnswer>> asked = new ArrayList<>();
            for (GameNode other : all) {
                if (other.name().equals(node) || other.url() == null
                        || (other.state() != NodeState.RUNNING && other.state() != NodeState.DRAINING)) {
                    continue;
                }
                HttpRequest request = request(other.url() + path, call, LIST_WITHIN).GET().build();
                asked.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                        .thenApply(answer -> answered(other, answer))
                        .exceptionally(unreachable -> new NodeAnswer(other, null, false)));
            }
            return CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new))
                    .thenApply(v -> asked.stream().map(CompletableFuture::join).toList());
        });
    }

    private static NodeAnswer answered(GameNode node, HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            return new NodeAnswer(node, null, false);
        }
        try {
            return new NodeAnswer(node, AdminJson.MAPPER.readTree(answer.body()), true);
        } catch (IOException garbled) {
            return new NodeAnswer(node, null, false);
        }
    }

    private HttpRequest.Builder request(String url, HttpCall call, Duration within) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(within).header(FORWARDED_BY, node);
        String authorization = call.header("authorization");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private static List<ObjectNode> rows(JsonNode body) {
        List<ObjectNode> rows = new ArrayList<>();
        for (JsonNode row : body.path("tables")) {
            if (row instanceof ObjectNode object) {
                rows.add(object);
            }
        }
        return rows;
    }
}
