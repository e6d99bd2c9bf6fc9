package io.chipledger.server.api;

import io.chipledger.protocol.ProtocolJson;
import io.chipledger.server.net.HttpCall;
import io.chipledger.server.net.HttpReply;
import io.chipledger.server.net.HttpRoutes;
import io.chipledger.server.table.TableLocator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * {@code GET /api/route?table=ID}: which game node serves the table and where to connect ({@code node}, {@code url};
 * both null for a server alone on its database: here). 404 for no such open table; 503 {@code TABLE_MOVING} while no
 * node holds it (a takeover is under way: ask again in a moment). Public, like the lobby; read on the worker.
 */
public final class RouteEndpoint {

    private final TableLocator locator;
    private final Executor worker;

    public RouteEndpoint(TableLocator locator, Executor worker) {
        this.locator = locator;
        this.worker = worker;
    }

    public void addTo(HttpRoutes routes) {
        routes.get("/api/route", this::route);
    }

    private CompletionStage<HttpReply> route(HttpCall call) {
        long tableId;
        try {
            tableId = Long.parseLong(String.valueOf(call.queryParam("table")));
        } catch (NumberFormatException notANumber) {
            return CompletableFuture.completedFuture(anyPage(JsonReplies.error(400, "BAD_MESSAGE", "route needs ?table=ID")));
        }
        return CompletableFuture.supplyAsync(() -> anyPage(locator.locate(tableId).map(route -> {
            if (!route.served()) {
                return JsonReplies.error(503, "TABLE_MOVING", "no node serves table " + tableId
                        + " right now (it is being taken over): ask again in a moment");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("tableId", route.tableId());
            body.put("node", route.node());
            body.put("url", route.url());
            return HttpReply.json(200, ProtocolJson.write(body));
        }).orElseGet(() -> JsonReplies.error(404, "TABLE_NOT_FOUND", "no open table " + tableId))), worker);
    }

    /**
     * Readable by a page from any origin: a page served by another game node asks here when its own node is gone.
     * The answer is public (no credentials are sent or read), like the lobby.
     */
    private static HttpReply anyPage(HttpReply reply) {
        Map<String, String> headers = new LinkedHashMap<>(reply.headers());
        headers.put("Access-Control-Allow-Origin", "*");
        return new HttpReply(reply.status(), reply.contentType(), reply.body(), headers);
    }
}
