package io.chipledger.server.admin;

import io.chipledger.money.Money;
import io.chipledger.server.chips.OwnerRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * What an operator reads about players: search by name or id, and one player's wallet with its ledger history, newest
 * first, each line with the balance before and after (the journal's own entries, so the running balance is the
 * ledger's, not recomputed here). Blocking: call on the worker.
 */
final class PlayerRecords {

    static final int SEARCH_LIMIT = 50;
    static final int HISTORY_PAGE = 100;

    private final SqlSessionFactory database;
    private final String currency;

    PlayerRecords(SqlSessionFactory database, String currency) {
        this.database = database;
        this.currency = currency;
    }

    /** Players whose name contains {@code query} (any case), or whose id it is; everyone (first 50 by name) when blank. */
    List<AdminMapper.PlayerSummary> search(String query) {
        String text = query == null ? "" : query.strip();
        String pattern = text.isEmpty() ? null : "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
        Long id = text.matches("\\d{1,18}") ? Long.valueOf(text) : null;
        try (SqlSession session = database.openSession(true)) {
            return session.getMapper(AdminMapper.class).searchPlayers(pattern, id, currency, SEARCH_LIMIT);
        }
    }

    /** The player, the chips they have on seats, and a page of wallet history ({@code before}: a version, or null). */
    Map<String, Object> wallet(long playerId, Long before) {
        try (SqlSession session = database.openSession(true)) {
            AdminMapper mapper = session.getMapper(AdminMapper.class);
            AdminMapper.PlayerSummary player = mapper.player(playerId, currency);
            if (player == null) {
                throw AdminRefusal.notFound("PLAYER_NOT_FOUND", "no player " + playerId);
            }
            List<AdminMapper.WalletLine> history = player.walletAccount() == null ? List.of()
                    : mapper.walletHistory(player.walletAccount(), before, HISTORY_PAGE);
            List<AdminMapper.Holding> seats = mapper.seatHoldings(OwnerRef.player(playerId).text(), currency);
            Money onSeats = seats.stream().map(AdminMapper.Holding::balance).reduce(Money.ZERO, Money::plus);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("player", player);
            body.put("onSeats", onSeats);
            body.put("seats", seats);
            body.put("history", history);
            body.put("nextBefore", history.size() == HISTORY_PAGE ? history.get(history.size() - 1).version() : null);
            return body;
        }
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
