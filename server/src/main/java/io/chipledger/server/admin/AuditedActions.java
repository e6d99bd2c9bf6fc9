package io.chipledger.server.admin;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an admin action at most once per idempotency key, with its request logged before it takes effect and its
 * outcome after. A second submission of the key while the first runs gets the first's answer; one arriving later gets
 * the recorded answer (marked {@code "replayed": true}); the key with another request is refused. A request whose
 * outcome was never recorded (a crash, a 5xx) is carried out again when resent, which is why each action must itself
 * be safe to repeat (money moves by ledger postings keyed by the same key). The action is given the id of its request
 * in the log, so what it does can point back at it.
 */
final class AuditedActions {

    private static final Logger log = LoggerFactory.getLogger(AuditedActions.class);

    /**
     * What an action answers now, and the outcome to record: the same reply for most actions; for one that finishes
     * later (closing a table waits for the hand in progress) a later stage.
     */
    record Result(AdminReply now, CompletionStage<AdminReply> settled, boolean finishesLater) {
        static Result of(AdminReply reply) {
            return new Result(reply, CompletableFuture.completedFuture(reply), false);
        }

        static Result later(AdminReply now, CompletionStage<AdminReply> settled) {
            return new Result(now, settled, true);
        }
    }

    private record InFlight(AdminAuditLog.Request request, CompletableFuture<AdminReply> reply) {
    }

    private final AdminAuditLog auditLog;
    private final Executor worker;
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();

    AuditedActions(AdminAuditLog auditLog, Executor worker) {
        this.auditLog = auditLog;
        this.worker = worker;
    }

    CompletableFuture<AdminReply> run(AdminAuditLog.Request request, LongFunction<CompletionStage<Result>> action) {
        InFlight mine = new InFlight(request, new CompletableFuture<>());
        InFlight running = inFlight.putIfAbsent(request.key(), mine);
        if (running != null) {
            return sameRequest(running.request(), request) ? running.reply().thenApply(AdminReply::replayed)
                    : CompletableFuture.completedFuture(keyReused(request.key()));
        }
        CompletableFuture.supplyAsync(() -> auditLog.request(request), worker)
                .thenCompose(stored -> {
                    if (!stored.sameRequest()) {
                        return CompletableFuture.completedFuture(keyReused(request.key()));
                    }
                    if (stored.outcome() != null) {
                        return CompletableFuture.completedFuture(stored.outcome().replayed());
                    }
                    return carryOut(stored.id(), action);
                })
                .whenComplete((reply, failure) -> {
                    inFlight.remove(request.key(), mine);
                    if (failure != null) {
                        mine.reply().completeExceptionally(failure);
                    } else {
                        mine.reply().complete(reply);
                    }
                });
        return mine.reply();
    }

    private CompletionStage<AdminReply> carryOut(long requestId, LongFunction<CompletionStage<Result>> action) {
        CompletionStage<Result> started;
        try {
            started = action.apply(requestId);
        } catch (AdminRefusal refusal) {
            started = CompletableFuture.completedFuture(Result.of(refusal.reply()));
        }
        return started.handle((result, failure) -> {
            if (failure == null) {
                return result;
            }
            AdminRefusal refusal = AdminRefusal.in(failure);
            if (refusal == null) {
                throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
            }
            return Result.of(refusal.reply());
        }).thenCompose(result -> {
            CompletableFuture<Void> recorded = result.settled().toCompletableFuture()
                    .thenAcceptAsync(settled -> record(requestId, settled), worker);
            recorded.exceptionally(failure -> {
                log.error("admin request {}: could not record its outcome; resending it will", requestId, failure);
                return null;
            });
            return result.finishesLater() ? CompletableFuture.completedFuture(result.now()) : recorded.thenApply(v -> result.now());
        });
    }

    /** A 5xx means the outcome is unknown: nothing is recorded, so resending the key carries the request out again. */
    private void record(long requestId, AdminReply settled) {
        if (settled.status() < 500) {
            auditLog.outcome(requestId, settled);
        }
    }

    private static boolean sameRequest(AdminAuditLog.Request a, AdminAuditLog.Request b) {
        return Objects.equals(a.operator().playerId(), b.operator().playerId()) && a.action().equals(b.action())
                && a.content().equals(b.content());
    }

    private static AdminReply keyReused(String key) {
        return AdminReply.error(409, "IDEMPOTENCY_KEY_REUSED", "the idempotency key " + key
                + " was used for a different request; nothing was done (use a new key for a new request)");
    }
}
