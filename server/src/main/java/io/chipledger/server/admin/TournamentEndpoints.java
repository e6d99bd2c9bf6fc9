package io.chipledger.server.admin;

import io.chipledger.ledger.Account;
import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Ledger;
import io.chipledger.money.Money;
import io.chipledger.server.chips.OwnerRef;
import io.chipledger.server.net.HttpCall;
import io.chipledger.server.tournament.BlindLevel;
import io.chipledger.server.tournament.BlindSchedule;
import io.chipledger.server.tournament.LevelPace;
import io.chipledger.server.tournament.PayoutTable;
import io.chipledger.server.tournament.TournamentRefusal;
import io.chipledger.server.tournament.TournamentRules;
import io.chipledger.server.tournament.TournamentStatus;
import io.chipledger.server.tournament.director.TournamentDirector;
import io.chipledger.server.tournament.director.TournamentTemplate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Sit-and-gos under {@code /api/admin}: templates (list, create, retire), tournaments (list, one with its results),
 * cancelling one (every buy-in and fee refunded), and the ledger history of a tournament's prize pool and fees. Every
 * change needs a reason and an idempotency key and goes through {@link AuditedActions}.
 */
final class TournamentEndpoints {

    /** Blinds and antes are tournament chips; a level lasts {@code levelSeconds} or {@code levelHands}. */
    record CreateTemplateRequest(String name, Integer seats, Money buyIn, Money fee, Long startingChips,
                                 List<LevelRequest> levels, Integer levelSeconds, Integer levelHands, String payouts,
                                 Integer actionSeconds, Integer timeBankSeconds, String reason, String idempotencyKey) {
    }

    record LevelRequest(Long smallBlind, Long bigBlind, Long ante) {
    }

    record TemplateRequest(Long templateId, String reason, String idempotencyKey) {
    }

    record TournamentRequest(Long tournamentId, String reason, String idempotencyKey) {
    }

    private final TournamentDirector tournaments;
    private final AuditedActions actions;
    private final SqlSessionFactory database;
    private final Ledger ledger;
    private final Executor worker;
    private final String currency;

    TournamentEndpoints(TournamentDirector tournaments, AuditedActions actions, SqlSessionFactory database, Ledger ledger,
                        Executor worker, String currency) {
        this.tournaments = tournaments;
        this.actions = actions;
        this.database = database;
        this.ledger = ledger;
        this.worker = worker;
        this.currency = currency;
    }

    void addTo(GuardedRoutes routes) {
        routes.get("/api/admin/tournament-templates", this::templates)
                .post("/api/admin/tournament-templates/create", this::createTemplate)
                .post("/api/admin/tournament-template/retire", this::retireTemplate)
                .get("/api/admin/tournaments", this::list)
                .get("/api/admin/tournament", this::one)
                .post("/api/admin/tournament/cancel", this::cancel)
                .get("/api/admin/tournament/ledger", this::ledgerHistory);
    }

    private CompletionStage<AdminReply> templates(HttpCall call, Operator who) {
        return CompletableFuture.completedFuture(AdminReply.ok(Map.of("templates",
                tournaments.templates().stream().map(TournamentEndpoints::row).toList())));
    }

    private CompletionStage<AdminReply> createTemplate(HttpCall call, Operator who) {
        CreateTemplateRequest request = AdminJson.read(call, CreateTemplateRequest.class);
        TournamentRules rules = rulesOf(request);
        AdminAuditLog.Request logged = new AdminAuditLog.Request(who, "TOURNAMENT_TEMPLATE_CREATE", null,
                AdminJson.reason(request.reason()), AdminJson.idempotencyKey(request.idempotencyKey()), AdminJson.content(request));
        return actions.run(logged, logId -> CompletableFuture.supplyAsync(() -> AuditedActions.Result.of(
                AdminReply.of(201, Map.of("template", row(tournaments.createTemplate(rules))))), worker));
    }

    private CompletionStage<AdminReply> retireTemplate(HttpCall call, Operator who) {
        TemplateRequest request = AdminJson.read(call, TemplateRequest.class);
        long id = AdminJson.id(request.templateId(), "templateId");
        AdminAuditLog.Request logged = new AdminAuditLog.Request(who, "TOURNAMENT_TEMPLATE_RETIRE", "template:" + id,
                AdminJson.reason(request.reason()), AdminJson.idempotencyKey(request.idempotencyKey()), AdminJson.content(request));
        return actions.run(logged, logId -> CompletableFuture.supplyAsync(() -> {
            if (tournaments.templates().stream().noneMatch(t -> t.id() == id)) {
                throw AdminRefusal.notFound("TEMPLATE_NOT_FOUND", "no tournament template " + id);
            }
            return AuditedActions.Result.of(AdminReply.ok(Map.of("template", row(tournaments.retireTemplate(id)))));
        }, worker));
    }

    private CompletionStage<AdminReply> list(HttpCall call, Operator who) {
        String status = call.queryParam("status");
        List<TournamentStatus> statuses = status == null || status.isBlank() ? Arrays.asList(TournamentStatus.values())
                : Arrays.stream(status.split(",")).map(s -> statusOf(s.strip())).toList();
        return tournaments.list(statuses).thenApply(views -> AdminReply.ok(Map.of("tournaments", views)));
    }

    private CompletionStage<AdminReply> one(HttpCall call, Operator who) {
        long id = AdminJson.queryId(call, "id");
        return tournaments.view(id).handle((view, failure) -> {
            if (failure != null) {
                throw refusal(failure);
            }
            return AdminReply.ok(Map.of("tournament", view));
        });
    }

    private CompletionStage<AdminReply> cancel(HttpCall call, Operator who) {
        TournamentRequest request = AdminJson.read(call, TournamentRequest.class);
        long id = AdminJson.id(request.tournamentId(), "tournamentId");
        String reason = AdminJson.reason(request.reason());
        AdminAuditLog.Request logged = new AdminAuditLog.Request(who, "TOURNAMENT_CANCEL", OwnerRef.tournament(id).text(),
                reason, AdminJson.idempotencyKey(request.idempotencyKey()), AdminJson.content(request));
        return actions.run(logged, logId -> tournaments.find(id)
                .map(actor -> actor.cancel(reason).handle((view, failure) -> {
                    if (failure != null) {
                        throw refusal(failure);
                    }
                    return AuditedActions.Result.of(AdminReply.ok(Map.of("tournament", view)));
                }))
                .orElseThrow(() -> AdminRefusal.conflict("ALREADY_OVER", "tournament " + id + " is over or does not exist: "
                        + "only a tournament that has not finished can be cancelled")));
    }

    /** The prize pool's and the fee account's entries, newest first, with running balances. */
    private CompletionStage<AdminReply> ledgerHistory(HttpCall call, Operator who) {
        long id = AdminJson.queryId(call, "id");
        return CompletableFuture.supplyAsync(() -> {
            String owner = OwnerRef.tournament(id).text();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("tournamentId", id);
            body.put("pool", history(ledger.findAccount(AccountKind.PRIZE_POOL, owner, currency).orElse(null)));
            body.put("fees", history(ledger.findAccount(AccountKind.FEE, owner, currency).orElse(null)));
            return AdminReply.ok(body);
        }, worker);
    }

    private Map<String, Object> history(Account account) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountId", account == null ? null : account.id());
        body.put("balance", account == null ? Money.ZERO : account.balance());
        try (SqlSession session = database.openSession(true)) {
            body.put("history", account == null ? List.of()
                    : session.getMapper(AdminMapper.class).walletHistory(account.id(), null, PlayerRecords.HISTORY_PAGE));
        }
        return body;
    }

    private static TournamentRules rulesOf(CreateTemplateRequest r) {
        if (r.levels() == null || r.levels().isEmpty()) {
            throw AdminRefusal.badRequest("levels are required: [{\"smallBlind\":10,\"bigBlind\":20,\"ante\":0}, ...]");
        }
        if ((r.levelSeconds() == null) == (r.levelHands() == null)) {
            throw AdminRefusal.badRequest("give levelSeconds or levelHands (how long each level lasts), one of the two");
        }
        try {
            List<BlindLevel> levels = new ArrayList<>();
            for (LevelRequest level : r.levels()) {
                levels.add(new BlindLevel(required(level.smallBlind(), "smallBlind"), required(level.bigBlind(), "bigBlind"),
                        level.ante() == null ? 0 : level.ante()));
            }
            LevelPace pace = r.levelSeconds() != null ? new LevelPace.ByTime(Duration.ofSeconds(r.levelSeconds()))
                    : new LevelPace.ByHands(r.levelHands());
            return new TournamentRules(required(r.name(), "name"), required(r.seats(), "seats"), required(r.buyIn(), "buyIn"),
                    r.fee() == null ? Money.ZERO : r.fee(), required(r.startingChips(), "startingChips"),
                    new BlindSchedule(levels, pace), PayoutTable.parse(required(r.payouts(), "payouts")),
                    Duration.ofSeconds(r.actionSeconds() == null ? 20 : r.actionSeconds()),
                    Duration.ofSeconds(r.timeBankSeconds() == null ? 30 : r.timeBankSeconds()));
        } catch (IllegalArgumentException bad) {
            throw AdminRefusal.badRequest(bad.getMessage());
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private static Map<String, Object> row(TournamentTemplate template) {
        TournamentRules rules = template.rules();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", template.id());
        row.put("name", rules.name());
        row.put("active", template.active());
        row.put("seats", rules.seats());
        row.put("buyIn", rules.buyIn());
        row.put("fee", rules.fee());
        row.put("startingChips", rules.startingChips());
        row.put("levels", rules.blinds().levels());
        row.put("levelSeconds", rules.blinds().pace() instanceof LevelPace.ByTime t ? t.length().toSeconds() : null);
        row.put("levelHands", rules.blinds().pace() instanceof LevelPace.ByHands h ? h.hands() : null);
        row.put("payouts", rules.payouts().toString());
        row.put("prizePool", rules.prizePool());
        row.put("actionSeconds", rules.actionTime().toSeconds());
        row.put("timeBankSeconds", rules.timeBank().toSeconds());
        return row;
    }

    private static TournamentStatus statusOf(String name) {
        try {
            return TournamentStatus.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AdminRefusal.badRequest("status is a list of " + Arrays.toString(TournamentStatus.values()) + ", not " + name);
        }
    }

    private static RuntimeException refusal(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TournamentRefusal refused) {
            return refused.code() == TournamentRefusal.Code.UNKNOWN_TOURNAMENT
                    ? AdminRefusal.notFound("TOURNAMENT_NOT_FOUND", refused.getMessage())
                    : AdminRefusal.conflict(refused.code().name(), refused.getMessage());
        }
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }
}
