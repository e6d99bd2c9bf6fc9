package io.chipledger.server.admin;

import io.chipledger.money.Money;
import io.chipledger.server.chips.OwnerRef;
import io.chipledger.server.table.TableConfig;
import io.chipledger.server.net.HttpCall;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Tables under {@code /api/admin}: list, create, pause, resume, close, kick. Every change needs a reason and an
 * idempotency key and goes through {@link AuditedActions}, so a double click opens one table, not two. Among game
 * nodes the list is the whole room's, and a change to a table another node serves is carried out (and logged) there.
 */
final class TableEndpoints {

    /** {@code rakePercent} is a decimal string ("5", "4.75"); amounts are money strings; optional fields may be absent. */
    record CreateTableRequest(String name, Money smallBlind, Money bigBlind, Money ante, Integer seats, Money minBuyIn,
                              Money maxBuyIn, String rakePercent, Money rakeCap, Integer actionSeconds,
                              Integer timeBankSeconds, String reason, String idempotencyKey, String variant) {
    }

    record TableRequest(Long tableId, String reason, String idempotencyKey) {
    }

    record KickRequest(Long tableId, Long playerId, String reason, String idempotencyKey) {
    }

    private final TableOperator operator;
    private final AuditedActions actions;
    /** Among game nodes, the whole room's tables and the way to their nodes; both null for a server alone. */
    private final RoomTables room;
    private final ConsoleForwarding forwarding;

    TableEndpoints(TableOperator operator, AuditedActions actions, RoomTables room, ConsoleForwarding forwarding) {
        this.operator = operator;
        this.actions = actions;
        this.room = room;
        this.forwarding = forwarding;
    }

    void addTo(GuardedRoutes routes) {
        routes.get("/api/admin/tables", this::list)
                .post("/api/admin/tables/create", this::create)
                .post("/api/admin/table/pause", (call, op) -> change(call, op, "TABLE_PAUSE"))
                .post("/api/admin/table/resume", (call, op) -> change(call, op, "TABLE_RESUME"))
                .post("/api/admin/table/close", (call, op) -> change(call, op, "TABLE_CLOSE"))
                .post("/api/admin/table/kick", this::kick);
    }

    private CompletionStage<AdminReply> list(HttpCall call, Operator who) {
        if (room != null) {
            return room.list(call).thenApply(rows -> AdminReply.ok(Map.of("tables", rows)));
        }
        return operator.listWithClosed().thenApply(rows -> AdminReply.ok(Map.of("tables", rows)));
    }

    /**
     * An action on a table another game node serves is that node's to carry out (and log): its actor is the only
     * writer of its table. Passed on there with the operator's session, and its answer passed back.
     */
    private CompletionStage<AdminReply> hereOrAtItsNode(HttpCall call, long tableId, Supplier<CompletionStage<AdminReply>> here) {
        if (forwarding == null || operator.servesHere(tableId)) {
            return here.get();
        }
        return forwarding.toOwner(call, tableId).thenCompose(answer -> answer
                .<CompletionStage<AdminReply>>map(CompletableFuture::completedFuture).orElseGet(here));
    }

    private CompletionStage<AdminReply> create(HttpCall call, Operator who) {
        CreateTableRequest request = AdminJson.read(call, CreateTableRequest.class);
        TableConfig settings = operator.settingsOf(request);
        AdminAuditLog.Request logged = new AdminAuditLog.Request(who, "TABLE_CREATE", null, AdminJson.reason(request.reason()),
                AdminJson.idempotencyKey(request.idempotencyKey()), AdminJson.content(request));
        return actions.run(logged, logId -> operator.create(settings).thenApply(AuditedActions.Result::of));
    }

    private CompletionStage<AdminReply> change(HttpCall call, Operator who, String action) {
        TableRequest request = AdminJson.read(call, TableRequest.class);
        long tableId = AdminJson.id(request.tableId(), "tableId");
        String reason = AdminJson.reason(request.reason());
        AdminAuditLog.Request logged = new AdminAuditLog.Request(who, action, OwnerRef.table(tableId).text(),
                reason, AdminJson.idempotencyKey(request.idempotencyKey()), AdminJson.content(request));
        return hereOrAtItsNode(call, tableId, () -> actions.run(logged, logId -> switch (action) {
            case "TABLE_PAUSE" -> operator.pause(tableId, true, reason).thenApply(AuditedActions.Result::of);
            case "TABLE_RESUME" -> operator.pause(tableId, false, reason).thenApply(AuditedActions.Result::of);
            default -> CompletableFuture.completedFuture(operator.close(tableId, reason));
        }));
    }

    private CompletionStage<AdminReply> kick(HttpCall call, Operator who) {
        KickRequest request = AdminJson.read(call, KickRequest.class);
        long tableId = AdminJson.id(request.tableId(), "tableId");
        long playerId = AdminJson.id(request.playerId(), "playerId");
        String reason = AdminJson.reason(request.reason());
        AdminAuditLog.Request logged = new AdminAuditLog.Request(who, "KICK", OwnerRef.table(tableId).seatOf(playerId).text(),
                reason, AdminJson.idempotencyKey(request.idempotencyKey()), AdminJson.content(request));
        return hereOrAtItsNode(call, tableId,
                () -> actions.run(logged, logId -> operator.kick(tableId, playerId, reason).thenApply(AuditedActions.Result::of)));
    }
}
