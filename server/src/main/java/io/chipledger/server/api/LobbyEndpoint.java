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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /api/lobby}: every open table with its stakes, seats taken, watchers and recent average pot. Public (a
 * visitor may look before signing up). Each row is asked of its table's mailbox, so nothing blocks the event loop.
 */
public final class LobbyEndpoint {

    private final TableDirectory tables;

    public LobbyEndpoint(TableDirectory tables) {
        this.tables = tables;
    }

    public void addTo(HttpRoutes routes) {
        routes.get("/api/lobby", this::lobby);
    }

    private CompletionStage<HttpReply> lobby(HttpCall call) {
        List<CompletableFuture<TableActor.LobbyEntry>> entries = tables.cashTables().stream().map(TableActor::lobbyEntry).toList();
        return CompletableFuture.allOf(entries.toArray(CompletableFuture[]::new)).thenApply(all -> {
            List<LobbyRow> rows = entries.stream().map(CompletableFuture::join)
                    .sorted(Comparator.comparingLong(e -> e.config().id()))
                    .map(LobbyRow::of).toList();
            return HttpReply.json(200, ProtocolJson.write(Map.of("tables", rows)));
        });
    }

    /** One table as the lobby shows it; amounts are strings with two decimals, like everywhere on the wire. */
    record LobbyRow(long id, String name, String currency, Money smallBlind, Money bigBlind, Money ante,
                    boolean bigBlindAnte, int seats, int seated, List<String> players, int watching, Money minBuyIn, Money maxBuyIn,
                    Money averagePot, long actionSeconds, long timeBankSeconds, String game) {

        static LobbyRow of(TableActor.LobbyEntry entry) {
            TableConfig config = entry.config();
            Ante ante = config.stakes().ante();
            Money anteAmount = ante instanceof Ante.Uniform uniform ? uniform.amount()
                    : ante instanceof Ante.BigBlind big ? big.amount() : Money.ZERO;
            return new LobbyRow(config.id(), config.name(), config.currency(), config.stakes().smallBlind(),
                    config.stakes().bigBlind(), anteAmount, ante instanceof Ante.BigBlind, config.seatCount(),
                    entry.seated(), entry.players(), entry.watching(), config.minBuyIn(), config.maxBuyIn(), entry.averagePot(),
                    config.actionTime().toSeconds(), config.timeBank().toSeconds(), config.variant().code());
        }
    }
}
