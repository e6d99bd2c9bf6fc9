package io.chipledger.server.admin;

import io.chipledger.server.net.HttpCall;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** Hands under {@code /api/admin}: search by hand, player, table or time range, and one hand step by step. Read-only. */
final class HandEndpoints {

    private final HandInspector inspector;
    private final Executor worker;

    HandEndpoints(HandInspector inspector, Executor worker) {
        this.inspector = inspector;
        this.worker = worker;
    }

    void addTo(GuardedRoutes routes) {
        routes.get("/api/admin/hands", this::search)
                .get("/api/admin/hand", this::open);
    }

    private CompletionStage<AdminReply> search(HttpCall call, Operator operator) {
        HandInspector.Search search = new HandInspector.Search(optionalId(call, "hand"), call.queryParam("player"),
                optionalId(call, "table"), call.queryParam("from"), call.queryParam("to"), optionalId(call, "after"),
                optionalId(call, "before"),
                call.queryParam("limit") == null ? null : (int) Math.min(500, AdminJson.queryId(call, "limit")));
        return CompletableFuture.supplyAsync(() -> AdminReply.ok(inspector.search(search)), worker);
    }

    private CompletionStage<AdminReply> open(HttpCall call, Operator operator) {
        long id = AdminJson.queryId(call, "id");
        return CompletableFuture.supplyAsync(() -> AdminReply.ok(inspector.open(id)), worker);
    }

    private static Long optionalId(HttpCall call, String name) {
        String text = call.queryParam(name);
        return text == null || text.isBlank() ? null : AdminJson.queryId(call, name);
    }
}
