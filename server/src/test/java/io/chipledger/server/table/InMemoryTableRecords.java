package io.chipledger.server.table;

import io.chipledger.server.history.record.HandHistory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Hand and seat records in memory, for unit tests of table logic: what the table stored, for a test to read. */
public final class InMemoryTableRecords implements HandRecords, SeatRecords {

    /** A stored hand: how it ended and its history. */
    public record FinishedHand(long handId, HandOutcome outcome, HandHistory history) {
    }

    /** A recorded seat. */
    public record SeatRow(long tableId, int seat, long playerId, long seatAccountId, String stintKey) {
    }

    private long nextHand = 1;
    private final List<FinishedHand> finished = new ArrayList<>();
    private final Map<Long, HandHistory> drafts = new HashMap<>();
    private final Map<Long, HandHistory> progress = new HashMap<>();
    private final List<SeatRow> seats = new ArrayList<>();

    /** Nothing here is shared with another node: no fence to check. */
    @Override
    public InMemoryTableRecords fencedBy(TableFence fence) {
        return this;
    }

    @Override
    public synchronized CompletableFuture<Long> open(long tableId) {
        return CompletableFuture.completedFuture(nextHand++);
    }

    @Override
    public CompletableFuture<Void> finish(long handId, HandOutcome outcome) {
        return finish(handId, outcome, null);
    }

    @Override
    public synchronized CompletableFuture<Void> finish(long handId, HandOutcome outcome, HandHistory history) {
        finished.add(new FinishedHand(handId, outcome, history));
        drafts.remove(handId);
        progress.remove(handId);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Void> draftSettlement(long handId, HandHistory draft) {
        drafts.put(handId, draft);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Void> draftProgress(long handId, HandHistory draft) {
        progress.put(handId, draft);
        return CompletableFuture.completedFuture(null);
    }

    /** The record the hand had at its last committed posting, while it is played; null once it finished. */
    public synchronized HandHistory progressOf(long handId) {
        return progress.get(handId);
    }

    @Override
    public synchronized CompletableFuture<Void> taken(long tableId, int seat, long playerId, long seatAccountId, String stintKey) {
        if (seats.stream().anyMatch(s -> s.tableId() == tableId && (s.seat() == seat || s.playerId() == playerId))) {
            return CompletableFuture.failedFuture(new IllegalStateException("seat " + seat + " or player " + playerId + " taken"));
        }
        seats.add(new SeatRow(tableId, seat, playerId, seatAccountId, stintKey));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Void> left(long tableId, int seat, String stintKey) {
        seats.removeIf(s -> s.tableId() == tableId && s.seat() == seat && s.stintKey().equals(stintKey));
        return CompletableFuture.completedFuture(null);
    }

    /** Start-up recovery is not table logic: it is tested on the real database. */
    @Override
    public List<RecordedSeat> atOpenTables() {
        return List.of();
    }

    @Override
    public List<StrandedSeat> stranded() {
        return List.of();
    }

    public synchronized List<FinishedHand> finishedHands() {
        return List.copyOf(finished);
    }

    public synchronized List<SeatRow> seats() {
        return List.copyOf(seats);
    }
}
