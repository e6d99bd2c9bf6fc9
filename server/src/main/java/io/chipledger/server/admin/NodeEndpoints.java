package io.chipledger.server.admin;

import io.chipledger.server.cluster.NodeRegistry;
import io.chipledger.server.net.HttpCall;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The game nodes sharing the database, under {@code /api/admin}: the list (name, URL, tables owned, last heartbeat,
 * state; none for a server alone on its database), and "drain node", which any node's console may ask of any node:
 * at its next heartbeat it stops dealing, hands its tables over between hands, and stops. Logged like every change.
 */
final class NodeEndpoints {

    record DrainRequest(String node, String reason, String idempotencyKey) {
    }

    private final NodeRegistry nodes;
    private final AuditedActions actions;
    private final Executor worker;

    NodeEndpoints(NodeRegistry nodes, AuditedActions actions, Executor worker) {
        this.nodes = nodes;
        this.actions = actions;
        this.worker = worker;
    }

    void addTo(GuardedRoutes routes) {
        routes.get("/api/admin/nodes", this::list)
                .post("/api/admin/node/drain", this::drain);
    }

    private CompletionStage<AdminReply> list(HttpCall call, Operator who) {
        return CompletableFuture.supplyAsync(() -> AdminReply.ok(Map.of("nodes", nodes.all())), worker);
    }

    private CompletionStage<AdminReply> drain(HttpCall call, Operator who) {
        DrainRequest request = AdminJson.read(call, DrainRequest.class);
        if (request.node() == null || request.node().isBlank()) {
            throw AdminRefusal.badRequest("name the node to drain");
        }
        AdminAuditLog.Request logged = new AdminAuditLog.Request(who, "NODE_DRAIN", "node:" + request.node(),
                AdminJson.reason(request.reason()), AdminJson.idempotencyKey(request.idempotencyKey()), AdminJson.content(request));
        return actions.run(logged, logId -> CompletableFuture.supplyAsync(() -> {
            if (!nodes.requestDrain(request.node())) {
                throw AdminRefusal.notFound("NODE_NOT_FOUND", "no running node " + request.node());
            }
            return AuditedActions.Result.of(AdminReply.ok(Map.of("node", request.node(), "state", "DRAINING")));
        }, worker));
    }
}
