package io.chipledger.server.admin;

import io.chipledger.server.metrics.FigureHistory;
import io.chipledger.server.net.HttpCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * The dashboard, the ledger audit and the admin audit log under {@code /api/admin}. Reading them changes nothing; an
 * audit run is recorded (who ran it, when, what it found) because the dashboard shows the last one.
 */
final class DashboardEndpoints {

    record AuditRequest(String reason) {
    }

    private final LedgerHealth health;
    private final TableOperator tables;
    private final AdminAuditLog auditLog;
    private final LongSupplier playersOnline;
    private final FigureHistory figures;
    private final Executor worker;
    /** This node's name and the way to ask the others, on a game node among others; null for a server alone. */
    private final String node;
    private final ConsoleForwarding forwarding;

    DashboardEndpoints(LedgerHealth health, TableOperator tables, AdminAuditLog auditLog, LongSupplier playersOnline,
                       FigureHistory figures, Executor worker, String node, ConsoleForwarding forwarding) {
        this.health = health;
        this.tables = tables;
        this.auditLog = auditLog;
        this.playersOnline = playersOnline;
        this.figures = figures;
        this.worker = worker;
        this.node = node;
        this.forwarding = forwarding;
    }

    void addTo(GuardedRoutes routes) {
        routes.get("/api/admin/dashboard", this::dashboard)
                .get("/api/admin/figures", this::figures)
                .post("/api/admin/audit/run", this::runAudit)
                .get("/api/admin/audit/last", this::lastAudit)
                .get("/api/admin/log", this::log);
    }

    /**
     * What is running now and how the ledger stands. On a game node among others, for the whole room: each other live
     * node is asked for its own figures (a request passed on answers for its node only), the room's are their sums,
     * and {@code nodes} lists each node's, a node that did not answer marked so (its tables are then not counted).
     */
    private CompletionStage<AdminReply> dashboard(HttpCall call, Operator operator) {
        CompletableFuture<Map<String, Object>> mine = tables.list().thenApply(this::nodeFigures);
        if (ConsoleForwarding.forwarded(call)) {
            return mine.thenApply(AdminReply::ok);
        }
        CompletableFuture<List<ConsoleForwarding.NodeAnswer>> others = forwarding == null
                ? CompletableFuture.completedFuture(List.of()) : forwarding.askOtherNodes(call, "/api/admin/dashboard");
        CompletableFuture<Map<String, Object>> ledger = CompletableFuture.supplyAsync(health::ledgerFigures, worker);
        return mine.thenCombine(others, this::roomFigures).thenCombine(ledger, (room, figures) -> {
            room.putAll(figures);
            return AdminReply.ok(room);
        });
    }

    private Map<String, Object> nodeFigures(List<Map<String, Object>> rows) {
        // A row's state is a TableStatus: compared by name (compared with a String it never matched, and the
        // dashboard showed no table running).
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tablesRunning", rows.stream().filter(r -> "OPEN".equals(String.valueOf(r.get("state")))).count());
        body.put("tablesPaused", rows.stream().filter(r -> "PAUSED".equals(String.valueOf(r.get("state")))).count());
        body.put("tablesClosing", rows.stream().filter(r -> "CLOSING".equals(String.valueOf(r.get("state")))).count());
        body.put("handsInProgress", rows.stream().filter(r -> r.get("handId") != null).count());
        body.put("playersOnline", playersOnline.getAsLong());
        body.put("playersSeated", rows.stream().mapToLong(r -> ((List<?>) r.get("seats")).size()).sum());
        return body;
    }

    /** This node's figures plus every node's that answered; alone on its database, just this node's. */
    private Map<String, Object> roomFigures(Map<String, Object> mine, List<ConsoleForwarding.NodeAnswer> others) {
        Map<String, Object> room = new LinkedHashMap<>(mine);
        if (forwarding == null) {
            return room;
        }
        List<Map<String, Object>> nodes = new ArrayList<>();
        Map<String, Object> here = new LinkedHashMap<>();
        here.put("node", node);
        here.put("answered", true);
        here.putAll(mine);
        nodes.add(here);
        for (ConsoleForwarding.NodeAnswer other : others) {
            Map<String, Object> there = new LinkedHashMap<>();
            there.put("node", other.node().name());
            there.put("answered", other.answered());
            for (String figure : mine.keySet()) {
                if (other.answered()) {
                    long value = other.body().path(figure).asLong();
                    there.put(figure, value);
                    room.merge(figure, value, (a, b) -> (Long) a + (Long) b);
                } else {
                    there.put(figure, null);
                }
            }
            nodes.add(there);
        }
        nodes.sort(java.util.Comparator.comparing(n -> (String) n.get("node")));
        room.put("nodes", nodes);
        return room;
    }

    /** The last hour's figures for the dashboard's pictures, oldest sample first. */
    private CompletionStage<AdminReply> figures(HttpCall call, Operator operator) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("intervalSeconds", FigureHistory.INTERVAL.toSeconds());
        body.put("samples", figures.samples());
        return CompletableFuture.completedFuture(AdminReply.ok(body));
    }

    private CompletionStage<AdminReply> runAudit(HttpCall call, Operator operator) {
        AuditRequest request = call.body().length == 0 ? new AuditRequest(null) : AdminJson.read(call, AuditRequest.class);
        String reason = request.reason() == null || request.reason().isBlank() ? "audit run on demand" : AdminJson.reason(request.reason());
        return CompletableFuture.supplyAsync(() -> health.audit(operator, reason), worker);
    }

    private CompletionStage<AdminReply> lastAudit(HttpCall call, Operator operator) {
        return CompletableFuture.supplyAsync(() -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("last", health.lastAudit().orElse(null));
            return AdminReply.ok(body);
        }, worker);
    }

    private CompletionStage<AdminReply> log(HttpCall call, Operator operator) {
        String action = call.queryParam("action");
        if (action != null && !action.matches("[A-Z_]{2,40}")) {
            throw AdminRefusal.badRequest("action is an action name such as DEPOSIT or TABLE_CLOSE");
        }
        String limitText = call.queryParam("limit");
        int limit = limitText == null ? 100 : (int) Math.min(500, AdminJson.queryId(call, "limit"));
        return CompletableFuture.supplyAsync(() -> AdminReply.ok(Map.of("entries",
                auditLog.recent(action, limit).stream().map(DashboardEndpoints::shown).toList())), worker);
    }

    /** A log entry with its request and reply as JSON objects rather than JSON text. */
    private static Map<String, Object> shown(AdminLogEntry entry) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("id", entry.id());
        shown.put("at", entry.recordedAt());
        shown.put("adminId", entry.adminId());
        shown.put("admin", entry.adminName());
        shown.put("action", entry.action());
        shown.put("target", entry.target());
        shown.put("reason", entry.reason());
        shown.put("requestKey", entry.requestKey());
        shown.put("request", AdminReply.stored(200, entry.request()).body());
        shown.put("outcome", entry.outcome());
        shown.put("outcomeAt", entry.outcomeAt());
        shown.put("replyStatus", entry.replyStatus());
        shown.put("reply", entry.reply() == null ? null : AdminReply.stored(entry.replyStatus(), entry.reply()).body());
        shown.put("node", entry.node());
        shown.put("passedOnFrom", entry.passedOnFrom());
        return shown;
    }
}
