package io.chipledger.server.admin;

import io.chipledger.money.Money;
import io.chipledger.server.account.PlayerDirectory;
import io.chipledger.server.chips.OwnerRef;
import io.chipledger.server.net.HttpCall;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Players under {@code /api/admin}: search, one player's wallet and its history, deposit / withdraw / adjust, freeze
 * and unfreeze. Every change needs a reason and an idempotency key and goes through {@link AuditedActions}.
 */
final class PlayerEndpoints {

    record MoneyRequest(Long playerId, Money amount, String reason, String idempotencyKey) {
    }

    /** {@code direction}: CREDIT (cashier to wallet) or DEBIT (wallet to cashier); amounts on the wire are never negative. */
    record AdjustRequest(Long playerId, String direction, Money amount, String reason, String idempotencyKey) {
    }

    record FreezeRequest(Long playerId, String reason, String idempotencyKey) {
    }

    private final PlayerRecords records;
    private final Cashier cashier;
    private final PlayerDirectory players;
    private final AuditedActions actions;
    private final Executor worker;

    PlayerEndpoints(PlayerRecords records, Cashier cashier, PlayerDirectory players, AuditedActions actions, Executor worker) {
        this.records = records;
        this.cashier = cashier;
        this.players = players;
        this.actions = actions;
        this.worker = worker;
    }

    void addTo(GuardedRoutes routes) {
        routes.get("/api/admin/players", this::search)
                .get("/api/admin/player", this::wallet)
                .post("/api/admin/player/deposit", (call, op) -> money(call, op, Cashier.Movement.DEPOSIT))
                .post("/api/admin/player/withdraw", (call, op) -> money(call, op, Cashier.Movement.WITHDRAWAL))
                .post("/api/admin/player/adjust", this::adjust)
                .post("/api/admin/player/freeze", (call, op) -> freeze(call, op, true))
                .post("/api/admin/player/unfreeze", (call, op) -> freeze(call, op, false));
    }

    private CompletionStage<AdminReply> search(HttpCall call, Operator operator) {
        String query = call.queryParam("q");
        return CompletableFuture.supplyAsync(() -> AdminReply.ok(Map.of("players", records.search(query))), worker);
    }

    private CompletionStage<AdminReply> wallet(HttpCall call, Operator operator) {
        long id = AdminJson.queryId(call, "id");
        Long before = call.queryParam("before") == null ? null : AdminJson.queryId(call, "before");
        return CompletableFuture.supplyAsync(() -> AdminReply.ok(records.wallet(id, before)), worker);
    }

    private CompletionStage<AdminReply> money(HttpCall call, Operator operator, Cashier.Movement movement) {
        MoneyRequest request = AdminJson.read(call, MoneyRequest.class);
        return transfer(operator, movement, request.playerId(), request.amount(), request.reason(), request.idempotencyKey(),
                request);
    }

    private CompletionStage<AdminReply> adjust(HttpCall call, Operator operator) {
        AdjustRequest request = AdminJson.read(call, AdjustRequest.class);
        Cashier.Movement movement;
        if ("CREDIT".equals(request.direction())) {
            movement = Cashier.Movement.CREDIT_ADJUSTMENT;
        } else if ("DEBIT".equals(request.direction())) {
            movement = Cashier.Movement.DEBIT_ADJUSTMENT;
        } else {
            throw AdminRefusal.badRequest("direction is CREDIT (cashier to wallet) or DEBIT (wallet to cashier)");
        }
        return transfer(operator, movement, request.playerId(), request.amount(), request.reason(), request.idempotencyKey(),
                request);
    }

    private CompletionStage<AdminReply> transfer(Operator operator, Cashier.Movement movement, Long playerId, Money amount,
                                                 String reason, String key, Object request) {
        long player = AdminJson.id(playerId, "playerId");
        Money positive = AdminJson.positive(amount);
        AdminAuditLog.Request logged = new AdminAuditLog.Request(operator, movement.name(), OwnerRef.player(player).text(),
                AdminJson.reason(reason), AdminJson.idempotencyKey(key), AdminJson.content(request));
        return actions.run(logged, logId -> cashier.move(movement, player, positive, key, logId)
                .thenApply(AuditedActions.Result::of));
    }

    private CompletionStage<AdminReply> freeze(HttpCall call, Operator operator, boolean frozen) {
        FreezeRequest request = AdminJson.read(call, FreezeRequest.class);
        long playerId = AdminJson.id(request.playerId(), "playerId");
        AdminAuditLog.Request logged = new AdminAuditLog.Request(operator, frozen ? "FREEZE" : "UNFREEZE",
                OwnerRef.player(playerId).text(), AdminJson.reason(request.reason()), AdminJson.idempotencyKey(request.idempotencyKey()),
                AdminJson.content(request));
        return actions.run(logged, logId -> {
            if (frozen && operator.playerId() != null && operator.playerId() == playerId) {
                throw AdminRefusal.conflict("CANNOT_FREEZE_SELF", "an admin cannot freeze their own account");
            }
            return players.setFrozen(playerId, frozen, request.reason()).thenApply(player -> {
                var stored = player.orElseThrow(() -> AdminRefusal.notFound("PLAYER_NOT_FOUND", "no player " + playerId));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("playerId", stored.id());
                body.put("player", stored.name());
                body.put("frozen", stored.frozen());
                return AuditedActions.Result.of(AdminReply.ok(body));
            });
        });
    }
}
