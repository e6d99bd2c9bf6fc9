package io.chipledger.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.chipledger.protocol.ProtocolJson;
import io.chipledger.server.account.Player;
import io.chipledger.server.account.PlayerDirectory;
import io.chipledger.server.net.HttpCall;
import io.chipledger.server.net.HttpReply;
import io.chipledger.server.net.HttpRoutes;
import io.chipledger.server.tournament.TournamentRefusal;
import io.chipledger.server.tournament.TournamentStatus;
import io.chipledger.server.tournament.director.TournamentActor;
import io.chipledger.server.tournament.director.TournamentDirector;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Sit-and-gos for players:
 * <ul>
 * <li>{@code GET /api/tournaments?status=registering,running,finished}: the lobby's list (public);</li>
 * <li>{@code GET /api/tournament?id=N}: one tournament, with its players, payouts and results (public);</li>
 * <li>{@code POST /api/tournament/register} {@code {"tournamentId":N,"requestId":"..."}}: the buy-in and fee leave the
 * wallet (the same requestId sent again registers once and gets the first answer);</li>
 * <li>{@code POST /api/tournament/unregister} {@code {"tournamentId":N}}: before the start, both come back.</li>
 * </ul>
 * The last two need {@code Authorization: Bearer <token>}. Refusals are 409 with a code ({@code FULL},
 * {@code INSUFFICIENT_FUNDS}, ...) and change nothing.
 */
public final class TournamentLobbyEndpoints {

    private static final ObjectMapper JSON = ProtocolJson.mapper().copy()
            .registerModule(new SimpleModule("lobby-instants").addSerializer(Instant.class, ToStringSerializer.instance));
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** The body of register and unregister. */
    record EntryRequest(Long tournamentId, String requestId) {
    }

    private final TournamentDirector tournaments;
    private final PlayerDirectory players;
    /** Entries for tournaments other game nodes run go there; null for a server alone. */
    private final EntryForwarding elsewhere;

    public TournamentLobbyEndpoints(TournamentDirector tournaments, PlayerDirectory players) {
        this.tournaments = tournaments;
        this.players = players;
        this.elsewhere = null;
    }

    /**
     * As game node {@code node} among others: an entry for a tournament another node runs ({@code runningAt}: that
     * node's URL, blocking) is passed on to it.
     */
    public TournamentLobbyEndpoints(TournamentDirector tournaments, PlayerDirectory players, String node,
                                    LongFunction<Optional<String>> runningAt, Executor worker) {
        this.tournaments = tournaments;
        this.players = players;
        this.elsewhere = new EntryForwarding(node, runningAt, worker);
    }

    public void addTo(HttpRoutes routes) {
        routes.get("/api/tournaments", this::list)
                .get("/api/tournament", this::one)
                .post("/api/tournament/register", call -> hereOrWhereItRuns(call, () -> asPlayer(call, (player, request) -> {
                    if (request.requestId() == null || !REQUEST_ID.matcher(request.requestId()).matches()) {
                        throw new BadRequest("requestId is required: 1 to 64 letters, digits or . _ : -");
                    }
                    return live(request).register(player, request.requestId());
                })))
                .post("/api/tournament/unregister", call -> hereOrWhereItRuns(call,
                        () -> asPlayer(call, (player, request) -> live(request).unregister(player))));
    }

    /** An entry answered here, unless another game node runs its tournament: then that node answers it. */
    private CompletionStage<HttpReply> hereOrWhereItRuns(HttpCall call, Supplier<CompletionStage<HttpReply>> here) {
        Long id = null;
        try {
            id = JSON.readValue(call.body(), EntryRequest.class).tournamentId();
        } catch (IOException malformed) {
            // answered here, as malformed
        }
        if (elsewhere == null || id == null || tournaments.find(id).isPresent()) {
            return here.get();
        }
        return elsewhere.passOn(call, id).thenCompose(answer -> answer.<CompletionStage<HttpReply>>map(
                CompletableFuture::completedFuture).orElseGet(here));
    }

    private CompletionStage<HttpReply> list(HttpCall call) {
        List<TournamentStatus> statuses;
        try {
            statuses = statuses(call.queryParam("status"));
        } catch (IllegalArgumentException bad) {
            return CompletableFuture.completedFuture(JsonReplies.error(400, "BAD_MESSAGE", bad.getMessage()));
        }
        return tournaments.list(statuses).thenApply(views -> json(200, Map.of("tournaments", views)));
    }

    private CompletionStage<HttpReply> one(HttpCall call) {
        long id;
        try {
            id = Long.parseLong(String.valueOf(call.queryParam("id")));
        } catch (NumberFormatException e) {
            return CompletableFuture.completedFuture(JsonReplies.error(400, "BAD_MESSAGE", "id must be a tournament's number"));
        }
        return tournaments.view(id).thenApply(view -> json(200, Map.of("tournament", view)))
                .exceptionally(TournamentLobbyEndpoints::refused);
    }

    private CompletionStage<HttpReply> asPlayer(HttpCall call,
                                                BiFunction<Player, EntryRequest, CompletableFuture<TournamentActor.EntryAnswer>> action) {
        String token = JsonReplies.bearerToken(call);
        if (token == null) {
            return CompletableFuture.completedFuture(JsonReplies.error(401, "UNAUTHORIZED", "send Authorization: Bearer <token>"));
        }
        EntryRequest request;
        try {
            request = JSON.readValue(call.body(), EntryRequest.class);
        } catch (IOException malformed) {
            return CompletableFuture.completedFuture(JsonReplies.error(400, "BAD_MESSAGE",
                    "expected {\"tournamentId\":N,\"requestId\":\"...\"}"));
        }
        return players.authenticate(token).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(JsonReplies.error(401, "UNAUTHORIZED", "the session is unknown or expired"));
            }
            return action.apply(players.current(found.get()), request).thenApply(answer -> json(200, answer));
        }).exceptionally(TournamentLobbyEndpoints::refused);
    }

    private TournamentActor live(EntryRequest request) {
        if (request.tournamentId() == null) {
            throw new BadRequest("tournamentId is required");
        }
        return tournaments.find(request.tournamentId()).orElseThrow(() -> new TournamentRefusal(
                TournamentRefusal.Code.NOT_REGISTERING, "tournament " + request.tournamentId() + " is not taking entries"));
    }

    /** "registering,running" to those statuses; none given: registering, running and finished. */
    static List<TournamentStatus> statuses(String text) {
        if (text == null || text.isBlank()) {
            return List.of(TournamentStatus.REGISTERING, TournamentStatus.RUNNING, TournamentStatus.FINISHED);
        }
        List<TournamentStatus> statuses = new ArrayList<>();
        for (String name : text.split(",")) {
            try {
                statuses.add(TournamentStatus.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("status is a list of registering, running, finishing, finished, "
                        + "cancelling, cancelled; not " + name.strip());
            }
        }
        return statuses;
    }

    private static HttpReply refused(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof BadRequest bad) {
            return JsonReplies.error(400, "BAD_MESSAGE", bad.getMessage());
        }
        if (cause instanceof TournamentRefusal refusal) {
            int status = refusal.code() == TournamentRefusal.Code.UNKNOWN_TOURNAMENT ? 404 : 409;
            return JsonReplies.error(status, refusal.code().name(), refusal.getMessage());
        }
        throw failure instanceof RuntimeException runtime ? runtime : new CompletionException(failure);
    }

    private static HttpReply json(int status, Object body) {
        try {
            return HttpReply.json(status, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + body, e);
        }
    }

    /** A request that is malformed, as opposed to refused. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
