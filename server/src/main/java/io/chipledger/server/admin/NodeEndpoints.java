package io.chipledger.server.admin;

import io.chipledger.server.cluster.NodeRegistry;
import io.chipledger.server.net.HttpCall;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The game nodes sharing the database, under {@code /api/admin}: name, URL, tables owned, last heartbeat and state.
 * A server alone on its database lists none.
 */
final class NodeEndpoints {

    private final NodeRegistry nodes;
    private final Executor worker;

    NodeEndpoints(NodeRegistry nodes, Executor worker) {
        this.nodes = nodes;
        this.worker = worker;
    }

    void addTo(GuardedRoutes routes) {
        routes.get("/api/admin/nodes", this::list);
    }

    private CompletionStage<AdminReply> list(HttpCall call, Operator who) {
        return CompletableFuture.supplyAsync(() -> AdminReply.ok(Map.of("nodes", nodes.all())), worker);
    }
}
