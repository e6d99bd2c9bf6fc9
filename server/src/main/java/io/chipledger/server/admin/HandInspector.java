package io.chipledger.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipledger.ledger.Ledger;
import io.chipledger.ledger.Transfer;
import io.chipledger.server.chips.HandRef;
import io.chipledger.server.history.export.DateRange;
import io.chipledger.server.history.export.Viewer;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HistoryJson;
import io.chipledger.server.history.record.SeatRecord;
import io.chipledger.server.store.HandExporter;
import io.chipledger.server.store.HandHistoryMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Finds and opens hands for an operator, from the append-only hand-history store (V4; this class only reads it): by
 * hand id, player, table or time range, with every hole card. Opening a hand also puts it beside the ledger: the
 * hand's transfers in the journal must be exactly the ones its history names. Blocking: call on the worker.
 */
final class HandInspector {

    static final int PAGE = 50;

    /**
     * What an operator searches by; any null field does not restrict. {@code player} is a name or an id. Hands come
     * newest first, {@code before} continuing back in time; with {@code after}, oldest first from there.
     */
    record Search(Long handId, String player, Long tableId, String from, String to, Long after, Long before, Integer limit) {
    }

    private final HandExporter histories;
    private final SqlSessionFactory database;
    private final Ledger ledger;

    HandInspector(HandExporter histories, SqlSessionFactory database, Ledger ledger) {
        this.histories = histories;
        this.database = database;
        this.ledger = ledger;
    }

    Map<String, Object> search(Search search) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (search.handId() != null) {
            body.put("hands", histories.find(search.handId()).map(h -> List.of(summary(h))).orElse(List.of()));
            return body;
        }
        DateRange range;
        try {
            range = DateRange.parse(search.from(), search.to());
        } catch (IllegalArgumentException bad) {
            throw AdminRefusal.badRequest(bad.getMessage());
        }
        int limit = search.limit() == null ? PAGE : Math.max(1, Math.min(search.limit(), 500));
        HandHistoryMapper.HandQuery query = new HandHistoryMapper.HandQuery(playerId(search.player()), search.tableId(),
                range.from(), range.to(), search.after(), limit + 1);
        boolean oldestFirst = search.after() != null;
        List<HandHistory> page = oldestFirst ? histories.page(query, Viewer.admin())
                : histories.newestFirst(query, search.before(), Viewer.admin());
        List<Map<String, Object>> hands = new ArrayList<>();
        for (HandHistory hand : page.subList(0, Math.min(limit, page.size()))) {
            hands.add(summary(hand));
        }
        body.put("hands", hands);
        Long next = page.size() > limit ? page.get(limit - 1).handId() : null;
        body.put(oldestFirst ? "nextAfter" : "nextBefore", next);
        return body;
    }

    /** The whole hand (every card), step by step, and how it stands against the ledger. */
    Map<String, Object> open(long handId) {
        HandHistory hand = histories.find(handId)
                .orElseThrow(() -> AdminRefusal.notFound("HAND_NOT_FOUND", "no recorded hand " + handId));
        HandReplay.Replay replay = HandReplay.of(hand);
        List<Long> journal = ledger.transfersOfHand(new HandRef(handId).text()).stream().map(Transfer::id).toList();
        Map<String, Object> ledgerView = new LinkedHashMap<>();
        ledgerView.put("journalTransferIds", journal);
        ledgerView.put("historyTransferIds", hand.transferIds());
        // The same transfers, whatever their order: ids come from cached sequences, so they need not follow commit order.
        ledgerView.put("agrees", journal.stream().sorted().toList().equals(hand.transferIds().stream().sorted().toList()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("summary", summary(hand));
        body.put("steps", replay.steps());
        body.put("stacksAgree", replay.stacksAgree());
        body.put("ledger", ledgerView);
        body.put("history", asJson(hand));
        return body;
    }

    private Long playerId(String player) {
        if (player == null || player.isBlank()) {
            return null;
        }
        String text = player.strip();
        if (text.matches("\\d{1,18}")) {
            return Long.valueOf(text);
        }
        try (SqlSession session = database.openSession(true)) {
            Long id = session.getMapper(AdminMapper.class).playerIdByName(text);
            if (id == null) {
                throw AdminRefusal.notFound("PLAYER_NOT_FOUND", "no player named " + text);
            }
            return id;
        }
    }

    private static Map<String, Object> summary(HandHistory hand) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("handId", hand.handId());
        row.put("tableId", hand.tableId());
        row.put("table", hand.tableName());
        row.put("status", hand.status().name());
        row.put("voidReason", hand.voidReason());
        row.put("startedAt", hand.startedAt());
        row.put("endedAt", hand.endedAt());
        row.put("board", hand.board());
        row.put("totalPot", hand.totalPot());
        row.put("rake", hand.rake());
        List<Map<String, Object>> players = new ArrayList<>();
        for (SeatRecord seat : hand.seats()) {
            Map<String, Object> player = new LinkedHashMap<>();
            player.put("seat", seat.seat());
            player.put("playerId", seat.playerId());
            player.put("player", seat.player());
            player.put("startingStack", seat.startingStack());
            player.put("finalStack", seat.finalStack());
            player.put("net", seat.startingStack() == null || seat.finalStack() == null ? null
                    : seat.finalStack().minus(seat.startingStack()));
            player.put("holeCards", seat.holeCards());
            players.add(player);
        }
        row.put("players", players);
        return row;
    }

    private static JsonNode asJson(HandHistory hand) {
        try {
            return HistoryJson.mapper().readTree(HistoryJson.write(hand));
        } catch (IOException e) {
            throw new IllegalStateException("hand " + hand.handId() + " does not write as JSON", e);
        }
    }
}
