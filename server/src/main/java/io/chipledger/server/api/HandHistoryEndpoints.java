package io.chipledger.server.api;

import io.chipledger.money.Money;
import io.chipledger.protocol.ProtocolJson;
import io.chipledger.server.account.Player;
import io.chipledger.server.account.PlayerDirectory;
import io.chipledger.server.history.export.DateRange;
import io.chipledger.server.history.export.ExportFormat;
import io.chipledger.server.history.export.Viewer;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.SeatRecord;
import io.chipledger.server.net.HttpCall;
import io.chipledger.server.net.HttpReply;
import io.chipledger.server.net.HttpRoutes;
import io.chipledger.server.store.HandExporter;
import io.chipledger.server.store.HandHistoryMapper;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Hand histories over HTTP, for the player whose {@code Authorization: Bearer} token it is:
 * <ul>
 * <li>{@code GET /api/hands?from=&to=&after=&limit=}: a page of the player's own hands, newest last, as JSON
 * summaries; with {@code order=newest}, newest first, back from hand {@code before}, with the {@code total} number;</li>
 * <li>{@code GET /api/hands/export?format=pokerstars|phh|json} with {@code hand=ID}, or a range ({@code from},
 * {@code to}, {@code table}, {@code after}): a download.</li>
 * </ul>
 * A player gets only hands they were dealt into, with other players' cards only where shown; an administrator gets
 * any hands with every card, and may name {@code player=NAME}. Downloads are bounded: at most {@value #MAX_HANDS} hands
 * a request, in time order; when more match, {@code X-Next-After} names the last hand sent, to pass as {@code after}
 * for the next part. The reply is built on the worker executor, never on the event loop.
 */
public final class HandHistoryEndpoints {

    static final int MAX_HANDS = 1_000;
    private static final int DEFAULT_PAGE = 100;

    private final PlayerDirectory players;
    private final HandExporter exporter;
    private final Executor worker;

    public HandHistoryEndpoints(PlayerDirectory players, HandExporter exporter, Executor worker) {
        this.players = players;
        this.exporter = exporter;
        this.worker = worker;
    }

    public void addTo(HttpRoutes routes) {
        routes.get("/api/hands", call -> authenticated(call, this::list))
                .get("/api/hands/export", call -> authenticated(call, this::export));
    }

    private CompletionStage<HttpReply> authenticated(HttpCall call, Function<Request, HttpReply> handler) {
        String token = JsonReplies.bearerToken(call);
        if (token == null) {
            return CompletableFuture.completedFuture(JsonReplies.error(401, "UNAUTHORIZED", "send Authorization: Bearer <token>"));
        }
        return players.authenticate(token).thenCompose(player -> {
            if (player.isEmpty()) {
                return CompletableFuture.completedFuture(JsonReplies.error(401, "UNAUTHORIZED", "the session is unknown or expired"));
            }
            String named = call.queryParam("player");
            if (named != null && !player.get().isAdmin()) {
                return CompletableFuture.completedFuture(JsonReplies.error(403, "FORBIDDEN", "only an administrator names another player"));
            }
            CompletableFuture<Optional<Player>> other = named == null ? CompletableFuture.completedFuture(Optional.empty())
                    : players.find(named);
            return other.thenApplyAsync(found -> {
                if (named != null && found.isEmpty()) {
                    return JsonReplies.error(404, "PLAYER_NOT_FOUND", "no player named " + named);
                }
                try {
                    return handler.apply(new Request(call, player.get(), found.orElse(null)));
                } catch (IllegalArgumentException bad) {
                    return JsonReplies.error(400, "BAD_REQUEST", bad.getMessage());
                }
            }, worker);
        });
    }

    /** A call from an authenticated player; {@code named} is the player an administrator asked about, or null. */
    private record Request(HttpCall call, Player player, Player named) {
        String param(String name) {
            return call.queryParam(name);
        }
    }

    private HttpReply list(Request request) {
        HandHistoryMapper.HandQuery query = rangeQuery(request, limit(request.param("limit"), DEFAULT_PAGE), true);
        Viewer viewer = request.player().isAdmin() ? Viewer.admin() : Viewer.player(query.playerId());
        // order=newest: the "My hands" page, newest first, a page at a time back from hand {@code before}, with the total.
        boolean newestFirst = "newest".equals(request.param("order"));
        Long before = request.param("before") == null ? null : number("before", request.param("before"));
        List<HandHistory> page = newestFirst ? exporter.newestFirst(query.withLimit(query.limit() + 1), before, viewer)
                : exporter.page(query.withLimit(query.limit() + 1), viewer);
        List<Map<String, Object>> hands = new ArrayList<>();
        for (HandHistory hand : page.subList(0, Math.min(page.size(), query.limit()))) {
            hands.add(summary(hand, query.playerId()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hands", hands);
        if (page.size() > query.limit()) {
            body.put(newestFirst ? "nextBefore" : "nextAfter", page.get(query.limit() - 1).handId());
        }
        if (newestFirst) {
            body.put("total", exporter.count(query));
        }
        return HttpReply.json(200, ProtocolJson.write(body));
    }

    private HttpReply export(Request request) {
        ExportFormat format = ExportFormat.parse(request.param("format"));
        Viewer viewer = request.player().isAdmin() ? Viewer.admin() : Viewer.player(request.player().id());
        List<HandHistory> hands;
        String name;
        Long nextAfter = null;
        if (request.param("hand") != null) {
            long handId = number("hand", request.param("hand"));
            Optional<HandHistory> hand = exporter.find(handId)
                    .filter(h -> viewer.seesAll() || h.seatOf(viewer.playerId()).isPresent());
            if (hand.isEmpty()) {
                return JsonReplies.error(404, "HAND_NOT_FOUND", "no hand " + handId + " of yours");
            }
            hands = List.of(viewer.view(hand.get()));
            name = "hand-" + handId;
        } else {
            HandHistoryMapper.HandQuery query = rangeQuery(request, limit(request.param("limit"), MAX_HANDS),
                    !request.player().isAdmin());
            List<HandHistory> page = exporter.page(query.withLimit(query.limit() + 1), viewer);
            hands = page.subList(0, Math.min(page.size(), query.limit()));
            if (page.size() > query.limit()) {
                nextAfter = hands.get(hands.size() - 1).handId();
            }
            name = query.tableId() != null ? "table-" + query.tableId() + "-hands" : "hands";
        }
        StringWriter text = new StringWriter();
        // PokerStars text is one hero's view: the player asked about, else the player asking (an admin: each hand's first seat).
        Long hero = request.named() != null ? Long.valueOf(request.named().id()) : viewer.playerId();
        HandExporter.write(hands, format.writer(text, hero));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Disposition", "attachment; filename=\"" + name + "." + format.extension() + "\"");
        headers.put("X-Hands", String.valueOf(hands.size()));
        if (nextAfter != null) {
            headers.put("X-Next-After", String.valueOf(nextAfter));
        }
        return new HttpReply(200, format.mediaType(), text.toString().getBytes(StandardCharsets.UTF_8), headers);
    }

    /**
     * The hands a range request selects: the caller's own ({@code mine}), or for an administrator those of
     * {@code player=NAME}, or all; within {@code table}, {@code from}, {@code to} and after hand {@code after}.
     */
    private HandHistoryMapper.HandQuery rangeQuery(Request request, int limit, boolean mine) {
        Long playerId = null;
        if (request.named() != null) {
            playerId = request.named().id();
        } else if (mine) {
            playerId = request.player().id();
        }
        DateRange range = DateRange.parse(request.param("from"), request.param("to"));
        Long table = request.param("table") == null ? null : number("table", request.param("table"));
        Long after = request.param("after") == null ? null : number("after", request.param("after"));
        return new HandHistoryMapper.HandQuery(playerId, table, range.from(), range.to(), after, limit);
    }

    private static Map<String, Object> summary(HandHistory hand, Long playerId) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("handId", hand.handId());
        row.put("tableId", hand.tableId());
        row.put("table", hand.tableName());
        row.put("status", hand.status().name());
        row.put("startedAt", hand.startedAt().toString());
        row.put("players", hand.seats().size());
        row.put("totalPot", hand.totalPot());
        Optional<SeatRecord> seat = playerId == null ? Optional.empty() : hand.seatOf(playerId);
        seat.ifPresent(s -> {
            row.put("seat", s.seat());
            if (s.startingStack() != null && s.finalStack() != null) {
                row.put("startingStack", s.startingStack());
                row.put("finalStack", s.finalStack());
                row.put("net", s.finalStack().minus(s.startingStack()));
                row.put("won", s.finalStack().minus(s.startingStack()).max(Money.ZERO));
                row.put("lost", s.startingStack().minus(s.finalStack()).max(Money.ZERO));
            }
            if (s.holeCards() != null) {
                row.put("holeCards", s.holeCards());
            }
        });
        return row;
    }

    private static int limit(String text, int max) {
        if (text == null) {
            return max;
        }
        long n = number("limit", text);
        if (n < 1) {
            throw new IllegalArgumentException("limit is at least 1");
        }
        return (int) Math.min(n, max);
    }

    private static long number(String name, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, was " + text);
        }
    }
}
