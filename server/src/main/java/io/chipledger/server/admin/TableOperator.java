package io.chipledger.server.admin;

import io.chipledger.money.Money;
import io.chipledger.money.RakeRule;
import io.chipledger.server.game.holdem.Ante;
import io.chipledger.server.game.holdem.Stakes;
import io.chipledger.server.game.holdem.Variant;
import io.chipledger.server.table.TableActor;
import io.chipledger.server.table.TableConfig;
import io.chipledger.server.table.TableDirectory;
import io.chipledger.server.table.TableLocator;
import io.chipledger.server.table.TableStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Runs tables for operators: opens them, pauses and resumes them, closes them (the hand in progress finishes, then
 * every seat is cashed out and the table is stored CLOSED) and kicks players (as their own leave would). The table's
 * own state changes are commands to its actor's mailbox; the stored status is written on the worker afterwards.
 */
final class TableOperator {

    private final TableDirectory tables;
    private final SqlSessionFactory database;
    private final Executor worker;
    private final String currency;

    TableOperator(TableDirectory tables, SqlSessionFactory database, Executor worker, String currency) {
        this.tables = tables;
        this.database = database;
        this.worker = worker;
        this.currency = currency;
    }

    /** Every running table as an operator sees it, by id, with the rake it has taken (one query for all). */
    CompletableFuture<List<Map<String, Object>>> list() {
        List<CompletableFuture<TableActor.OperatorView>> views = tables.cashTables().stream().map(TableActor::operatorView).toList();
        return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new)).thenApplyAsync(all -> {
            Map<String, Money> rake = rakeTaken();
            return views.stream()
                    .map(CompletableFuture::join)
                    .sorted(Comparator.comparingLong(v -> v.config().id()))
                    .map(view -> row(view, rake))
                    .toList();
        }, worker);
    }

    /** The running tables, then the closed ones (state CLOSED, no seats): the console lists both, with a filter. */
    CompletableFuture<List<Map<String, Object>>> listWithClosed() {
        return list().thenApplyAsync(running -> {
            List<Map<String, Object>> all = new java.util.ArrayList<>(running);
            Map<String, Money> rake = rakeTaken();
            tables.closedTables().forEach(closed -> all.add(row(closed, TableStatus.CLOSED, rake)));
            return all;
        }, worker);
    }

    /**
     * Open tables no node listed live (a takeover under way, a node that does not answer), as the database records
     * them: settings, stored state, the players in their seats, the node holding the lease ({@code live} false: no hand,
     * stacks or watchers). Blocking, so on the worker.
     */
    List<Map<String, Object>> recorded(List<TableLocator.Listed> elsewhere) {
        if (elsewhere.isEmpty()) {
            return List.of();
        }
        Map<Long, TableStatus> stored = new HashMap<>();
        tables.records().notClosed().forEach(table -> stored.put(table.config().id(), table.status()));
        Map<String, Money> rake = rakeTaken();
        return elsewhere.stream().map(listed -> {
            Map<String, Object> row = row(listed.config(), stored.getOrDefault(listed.config().id(), TableStatus.OPEN), rake);
            row.put("players", listed.players());
            row.put("node", listed.node());
            row.put("live", false);
            return row;
        }).toList();
    }

    /** Whether this server runs the table (among game nodes, another node may serve it). */
    boolean servesHere(long tableId) {
        return tables.find(tableId).isPresent();
    }

    CompletableFuture<AdminReply> create(TableConfig settings) {
        return CompletableFuture.supplyAsync(() -> tables.create(settings), worker).thenCompose(TableActor::operatorView)
                .thenApplyAsync(view -> AdminReply.of(201, Map.of("table", row(view, rakeTaken()))), worker);
    }

    CompletableFuture<AdminReply> pause(long tableId, boolean pause, String reason) {
        TableActor table = find(tableId);
        return (pause ? table.pause(reason) : table.resume())
                .thenRunAsync(() -> tables.recordStatus(tableId, pause ? TableStatus.PAUSED : TableStatus.OPEN), worker)
                .thenCompose(v -> table.operatorView())
                .thenApplyAsync(view -> AdminReply.ok(Map.of("table", row(view, rakeTaken()))), worker);
    }

    /** Answers at once that the table is closing; the second stage completes when it is closed and stored so. */
    AuditedActions.Result close(long tableId, String reason) {
        TableActor table = find(tableId);
        CompletableFuture<AdminReply> closed = table.close(reason)
                .thenApplyAsync(v -> {
                    tables.recordStatus(tableId, TableStatus.CLOSED);
                    return AdminReply.ok(Map.of("tableId", tableId, "state", TableStatus.CLOSED));
                }, worker);
        return AuditedActions.Result.later(AdminReply.of(202, Map.of("tableId", tableId, "state", TableStatus.CLOSING)), closed);
    }

    CompletableFuture<AdminReply> kick(long tableId, long playerId, String reason) {
        return find(tableId).kick(playerId, reason).thenApply(result -> switch (result) {
            case NOT_SEATED -> throw AdminRefusal.conflict("NOT_SEATED", "player " + playerId + " has no seat at table " + tableId);
            case CASHED_OUT -> AdminReply.ok(Map.of("tableId", tableId, "playerId", playerId, "result", "CASHED_OUT"));
            case CASHED_OUT_AFTER_HAND -> AdminReply.ok(Map.of("tableId", tableId, "playerId", playerId,
                    "result", "FOLDED_CASHED_OUT_AFTER_HAND"));
        });
    }

    /** A table's settings from an operator's request; amounts were parsed exactly, the rest is checked by the table's rules. */
    TableConfig settingsOf(TableEndpoints.CreateTableRequest request) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 40) {
            throw AdminRefusal.badRequest("a table name is 1 to 40 characters");
        }
        Money small = required(request.smallBlind(), "smallBlind");
        Money big = required(request.bigBlind(), "bigBlind");
        if (small.isGreaterThan(big)) {
            throw AdminRefusal.badRequest("the small blind " + small + " is more than the big blind " + big);
        }
        int seats = required(request.seats(), "seats");
        BigDecimal rakePercent = percent(request.rakePercent());
        Money rakeCap = request.rakeCap() == null ? Money.ZERO : request.rakeCap();
        if (rakePercent.signum() > 0 && !rakeCap.isPositive()) {
            throw AdminRefusal.badRequest("a rake percentage needs a rake cap above 0.00");
        }
        int action = request.actionSeconds() == null ? 20 : request.actionSeconds();
        int timeBank = request.timeBankSeconds() == null ? 30 : request.timeBankSeconds();
        if (action < 5 || action > 300 || timeBank < 0 || timeBank > 600) {
            throw AdminRefusal.badRequest("the action clock is 5 to 300 seconds and the time bank 0 to 600");
        }
        try {
            Stakes stakes = Stakes.blinds(small, big);
            if (request.ante() != null && request.ante().isPositive()) {
                stakes = stakes.withAnte(new Ante.Uniform(request.ante()));
            }
            RakeRule rake = rakePercent.signum() == 0 ? RakeRule.NONE : new RakeRule(rakePercent, rakeCap, true);
            // No game named means No-Limit Hold'em, as every table was before there was a choice.
            Variant game = request.variant() == null ? Variant.NO_LIMIT_TEXAS_HOLDEM : Variant.ofCode(request.variant());
            return new TableConfig(0, name, currency, stakes, seats, required(request.minBuyIn(), "minBuyIn"),
                    required(request.maxBuyIn(), "maxBuyIn"), rake, Duration.ofSeconds(action), Duration.ofSeconds(timeBank),
                    game);
        } catch (IllegalArgumentException badSettings) {
            throw AdminRefusal.badRequest(badSettings.getMessage());
        }
    }

    /** A running cash table: a sit-and-go's table is run by its tournament (cancel the tournament to stop it). */
    private TableActor find(long tableId) {
        return tables.find(tableId).filter(table -> !table.playsATournament())
                .orElseThrow(() -> AdminRefusal.notFound("TABLE_NOT_FOUND", "no running cash table " + tableId));
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw AdminRefusal.badRequest(field + " is required");
        }
        return value;
    }

    private static BigDecimal percent(String text) {
        if (text == null || text.isBlank()) {
            return BigDecimal.ZERO;
        }
        if (!text.matches("\\d{1,3}(\\.\\d{1,2})?")) {
            throw AdminRefusal.badRequest("rakePercent is a string such as \"5\" or \"4.75\": 0 to 100, at most two decimals");
        }
        BigDecimal percent = new BigDecimal(text);
        if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw AdminRefusal.badRequest("rakePercent is at most 100");
        }
        return percent;
    }

    /** The balance of every table's rake account, by its owner ({@code table:<id>}); blocking, so on the worker. */
    private Map<String, Money> rakeTaken() {
        try (SqlSession session = database.openSession(true)) {
            Map<String, Money> byTable = new HashMap<>();
            session.getMapper(AdminMapper.class).tableRakeAccounts(currency)
                    .forEach(account -> byTable.put(account.ownerRef(), account.balance()));
            return byTable;
        }
    }

    static Map<String, Object> row(TableActor.OperatorView view, Map<String, Money> rakeTaken) {
        Map<String, Object> row = settingsRow(view.config(), view.state(), rakeTaken);
        row.put("handId", view.handId());
        row.put("watching", view.watching());
        row.put("averagePot", view.averagePot());
        row.put("seats", view.seats());
        return row;
    }

    /** A closed table's row, with the same fields as a running one's. */
    private static Map<String, Object> row(TableConfig closed, TableStatus state, Map<String, Money> rakeTaken) {
        Map<String, Object> row = settingsRow(closed, state, rakeTaken);
        row.put("handId", null);
        row.put("watching", 0);
        row.put("averagePot", null);
        row.put("seats", List.of());
        return row;
    }

    private static Map<String, Object> settingsRow(TableConfig config, TableStatus state, Map<String, Money> rakeTaken) {
        Ante ante = config.stakes().ante();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", config.id());
        row.put("name", config.name());
        row.put("state", state);
        row.put("game", config.variant().code());
        row.put("currency", config.currency());
        row.put("smallBlind", config.stakes().smallBlind());
        row.put("bigBlind", config.stakes().bigBlind());
        row.put("ante", ante instanceof Ante.Uniform uniform ? uniform.amount() : Money.ZERO);
        row.put("seatCount", config.seatCount());
        row.put("minBuyIn", config.minBuyIn());
        row.put("maxBuyIn", config.maxBuyIn());
        row.put("rakePercent", config.rake().percent().stripTrailingZeros().toPlainString());
        row.put("rakeCap", config.rake().cap());
        row.put("rakeTaken", rakeTaken.getOrDefault(config.ledgerOwner(), Money.ZERO));
        row.put("actionSeconds", config.actionTime().toSeconds());
        row.put("timeBankSeconds", config.timeBank().toSeconds());
        return row;
    }
}
