package io.chipledger.server.api;

import io.chipledger.money.Money;
import io.chipledger.protocol.ProtocolJson;
import io.chipledger.server.game.holdem.Ante;
import io.chipledger.server.net.HttpCall;
import io.chipledger.server.net.HttpReply;
import io.chipledger.server.net.HttpRoutes;
import io.chipledger.server.table.TableActor;
import io.chipledger.server.table.TableConfig;
import io.chipledger.server.table.TableDirectory;
import io.chipledger.server.table.TableLocator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * {@code GET /api/lobby}: every open table with its stakes, seats taken, watchers and recent average pot. Public (a
 * visitor may look before signing up). Each row is asked of its table's mailbox, so nothing blocks the event loop. On
 * a game node among others, the whole room: the tables served here, then those other nodes serve (read from the
 * database on the worker: their seats as recorded, no watchers or average pot), each with the node serving it.
 */
public final class LobbyEndpoint {

    private final TableDirectory tables;
    /** The tables served elsewhere; null for a server alone. */
    private final TableLocator room;
    private final String node;
    private final String url;
    private final Executor worker;

    public LobbyEndpoint(TableDirectory tables) {
        this(tables, null, null, null, null);
    }

    /** As game node {@code node} (players reach it at {@code url}) among others, listing the whole room. */
    public LobbyEndpoint(TableDirectory tables, TableLocator room, String node, String url, Executor worker) {
        this.tables = tables;
        this.room = room;
        this.node = node;
        this.url = url;
        this.worker = worker;
    }

    public void addTo(HttpRoutes routes) {
        routes.get("/api/lobby", this::lobby);
    }

    private CompletionStage<HttpReply> lobby(HttpCall call) {
        List<CompletableFuture<TableActor.LobbyEntry>> entries = tables.cashTables().stream().map(TableActor::lobbyEntry).toList();
        CompletableFuture<List<LobbyRow>> elsewhere = room == null ? CompletableFuture.completedFuture(List.of())
                : CompletableFuture.supplyAsync(() -> room.elsewhere(tables.cashTables().stream()
                        .map(t -> t.config().id()).collect(Collectors.toSet())).stream()
                        .map(LobbyRow::of).toList(), worker);
        return CompletableFuture.allOf(entries.toArray(CompletableFuture[]::new)).thenCombine(elsewhere, (all, others) -> {
            List<LobbyRow> rows = new ArrayList<>(entries.stream().map(CompletableFuture::join)
                    .map(entry -> LobbyRow.of(entry, node, url)).toList());
            rows.addAll(others);
            rows.sort(Comparator.comparingLong(LobbyRow::id));
            return HttpReply.json(200, ProtocolJson.write(Map.of("tables", rows)));
        });
    }

    /**
     * One table as the lobby shows it; amounts are strings with two decimals, like everywhere on the wire. {@code node}
     * and {@code url}: the game node serving it (null for a server alone, and while a takeover is under way).
     */
    record LobbyRow(long id, String name, String currency, Money smallBlind, Money bigBlind, Money ante,
                    boolean bigBlindAnte, int seats, int seated, List<String> players, int watching, Money minBuyIn, Money maxBuyIn,
                    Money averagePot, long actionSeconds, long timeBankSeconds, String game, String node, String url) {

        static LobbyRow of(TableActor.LobbyEntry entry, String node, String url) {
            return of(entry.config(), entry.players(), entry.watching(), entry.averagePot(), node, url);
        }

        static LobbyRow of(TableLocator.Listed listed) {
            return of(listed.config(), listed.players(), 0, Money.ZERO, listed.node(), listed.url());
        }

        private static LobbyRow of(TableConfig config, List<String> players, int watching, Money averagePot, String node,
                                   String url) {
            Ante ante = config.stakes().ante();
            Money anteAmount = ante instanceof Ante.Uniform uniform ? uniform.amount()
                    : ante instanceof Ante.BigBlind big ? big.amount() : Money.ZERO;
            return new LobbyRow(config.id(), config.name(), config.currency(), config.stakes().smallBlind(),
                    config.stakes().bigBlind(), anteAmount, ante instanceof Ante.BigBlind, config.seatCount(),
                    players.size(), players, watching, config.minBuyIn(), config.maxBuyIn(), averagePot,
                    config.actionTime().toSeconds(), config.timeBank().toSeconds(), config.variant().code(), node, url);
        }
    }
}
