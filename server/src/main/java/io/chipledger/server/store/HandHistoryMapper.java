package io.chipledger.server.store;

import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HistoryJson;
import io.chipledger.server.history.record.SeatRecord;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

/**
 * Hand histories: one append-only row per finished hand (its record as JSON) and one row per player dealt in. Reads
 * come back in time order ({@code started_at}, then hand id); the cursor reads with a fetch size, so an export of any
 * length holds only a page of rows at a time.
 */
public interface HandHistoryMapper {

    /** Inserts the hand's row; 0 when it was already stored (a retried finish). */
    int insertHistory(@Param("handId") long handId, @Param("tableId") long tableId, @Param("status") String status,
                      @Param("startedAt") Instant startedAt, @Param("endedAt") Instant endedAt,
                      @Param("record") String record);

    int insertPlayers(@Param("handId") long handId, @Param("startedAt") Instant startedAt,
                      @Param("playerIds") Long[] playerIds, @Param("seats") Integer[] seats);

    /** Stores a history and its players; a second store of the same hand changes nothing. */
    default void insert(HandHistory history) {
        Instant ended = history.endedAt() != null ? history.endedAt() : history.startedAt();
        if (insertHistory(history.handId(), history.tableId(), history.status().name(), history.startedAt(), ended,
                HistoryJson.write(history)) == 0) {
            return;
        }
        List<SeatRecord> seats = history.seats();
        insertPlayers(history.handId(), history.startedAt(), seats.stream().map(SeatRecord::playerId).toArray(Long[]::new),
                seats.stream().map(SeatRecord::seat).toArray(Integer[]::new));
    }

    /**
     * Stores the record a hand will have once its settlement commits (docs in V6's migration); the settlement's chip
     * events carry transfer ids -1, -2, ... for its legs. Replaces an earlier draft of the same hand.
     */
    void insertDraft(@Param("handId") long handId, @Param("record") String record);

    /** The hand's settlement draft as JSON, or null. */
    String findDraft(@Param("handId") long handId);

    /** Drops the hand's draft: its history is stored (or it was voided) in the same transaction. */
    int deleteDraft(@Param("handId") long handId);

    /** For the rest of the transaction, commits return without waiting for the disk (docs in V7's migration). */
    void skipWaitingForDisk();

    /** Stores the record of a hand as it stands while it is played, replacing the one before. */
    void upsertProgress(@Param("handId") long handId, @Param("record") String record);

    /**
     * Stores the events (a JSON array) each of many hands' progress records gained since it was written, the first of
     * them at index {@code firstEvent} of its events, replacing a row written before from the same index (V12); each
     * only if it carries no fence or its lease still stands at the fence's epoch (read FOR SHARE). Returns the keys of
     * the steps stored, in no order.
     */
    List<ProgressSteps.StepKey> upsertProgressSteps(@Param("steps") ProgressSteps.StepArrays steps);

    /** The hand's progress record as it was written whole, as JSON, or null; its steps come after it. */
    String findProgress(@Param("handId") long handId);

    /** The hand's progress steps, in the order of their first event. */
    List<ProgressStep> findProgressSteps(@Param("handId") long handId);

    int deleteProgress(@Param("handId") long handId);

    int deleteProgressSteps(@Param("handId") long handId);

    /** Drops every draft of a finished hand. */
    default void deleteDrafts(long handId) {
        deleteDraft(handId);
        deleteProgress(handId);
        deleteProgressSteps(handId);
    }

    /** A row of {@code hand_progress_step}: events (a JSON array) that start at index {@code firstEvent} of the record's. */
    record ProgressStep(int firstEvent, String events) {
    }

    StoredHistory findHistory(@Param("handId") long handId);

    /** Opens hand rows already settled at the given start times (ISO instants), for generated hands; their ids in order. */
    List<Long> insertSettledHands(@Param("tableId") long tableId, @Param("startedAt") String[] startedAt);

    /** When the {@code hand} row was opened: the start of a hand that has no history yet. */
    Instant handStartedAt(@Param("handId") long handId);

    /** Every history the query selects, streamed. Open the session without auto-commit so the driver pages. */
    Cursor<StoredHistory> streamHistories(@Param("q") HandQuery query);

    /** At most {@code query.limit()} histories (a page for HTTP). */
    List<StoredHistory> findHistories(@Param("q") HandQuery query);

    /** At most {@code query.limit()} histories started before hand {@code before} (null: any), newest first. */
    List<StoredHistory> findHistoriesNewestFirst(@Param("q") HandQuery query, @Param("before") Long before);

    long countHistories(@Param("q") HandQuery query);

    /** A stored record: the hand id and its JSON. */
    record StoredHistory(long handId, String record) {

        public HandHistory history() {
            return HistoryJson.read(record);
        }
    }

    /**
     * Which hands: all of a player's, a table's, or both, started in {@code [from, to)}, after hand {@code after} in
     * time order; any null field does not restrict.
     */
    record HandQuery(Long playerId, Long tableId, Instant from, Instant to, Long after, Integer limit) {

        public HandQuery withLimit(int newLimit) {
            return new HandQuery(playerId, tableId, from, to, after, newLimit);
        }
    }
}
