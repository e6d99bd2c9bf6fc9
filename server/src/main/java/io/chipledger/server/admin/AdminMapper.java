package io.chipledger.server.admin;

import io.chipledger.money.Money;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The admin console's SQL, in AdminMapper.xml beside this file's resources: the append-only audit log, and read-only
 * views an operator needs of players, the ledger and hands. It never writes to the ledger's tables (money moves only
 * through {@link io.chipledger.ledger.Ledger#post}).
 */
public interface AdminMapper {

    /** Adds this mapper to the shared MyBatis configuration (once). */
    static void register(SqlSessionFactory factory) {
        if (!factory.getConfiguration().hasMapper(AdminMapper.class)) {
            factory.getConfiguration().addMapper(AdminMapper.class);
        }
    }

    // ---- the audit log ----

    /** Stores a request (outcome REQUESTED); returns its id, or null when a request with that key is already stored. */
    Long insertRequest(LogRow row);

    /** Stores the outcome of request {@code outcomeOf}, copying who, what and why from it; null when it already has one. */
    Long insertOutcome(LogRow row);

    /** Stores an action with no key as one row, outcome included. */
    long insertEntry(LogRow row);

    AdminLogEntry findByKey(@Param("key") String key);

    /** Newest first; {@code action} null for every action. */
    List<AdminLogEntry> recent(@Param("action") String action, @Param("limit") int limit);

    /** What is written: {@code request} and {@code reply} are JSON text. */
    record LogRow(Long adminId, String adminName, String action, String target, String reason, String requestKey,
                  String request, String outcome, Long outcomeOf, Integer replyStatus, String reply, String node,
                  String passedOnFrom) {
    }

    // ---- players and their money (read-only) ----

    List<PlayerSummary> searchPlayers(@Param("pattern") String pattern, @Param("id") Long id,
                                      @Param("currency") String currency, @Param("limit") int limit);

    PlayerSummary player(@Param("id") long id, @Param("currency") String currency);

    /** The id of the player with that name (any case), or null. */
    Long playerIdByName(@Param("name") String name);

    /** One account's entries, newest first, with what each transfer was; versions below {@code beforeVersion} if given. */
    List<WalletLine> walletHistory(@Param("accountId") long accountId, @Param("beforeVersion") Long beforeVersion,
                                   @Param("limit") int limit);

    /** Seat accounts of the player that hold chips (owner {@code table:<id>/player:<id>}). */
    List<Holding> seatHoldings(@Param("ownerSuffix") String ownerSuffix, @Param("currency") String currency);

    record PlayerSummary(long id, String name, String role, boolean frozen, Instant createdAt, Long walletAccount,
                         Money wallet) {
    }

    record WalletLine(long version, long transferId, Money amount, Money balanceBefore, Money balanceAfter,
                      Instant at, String kind, String postingKey, String tableRef, String handRef, String actionRef,
                      String counterpartyKind, String counterparty) {
    }

    record Holding(long accountId, String ownerRef, Money balance) {
    }

    /** Every table's rake account (owner {@code table:<id>}): the rake each table has taken. */
    List<Holding> tableRakeAccounts(@Param("currency") String currency);

    // ---- dashboard figures ----

    List<KindTotal> totalsByKind(@Param("currency") String currency);

    long handsStartedSince(@Param("since") Instant since);

    record KindTotal(String kind, long accounts, Money total) {
    }
}
