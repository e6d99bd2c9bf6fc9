package io.chipledger.server.table;

import io.chipledger.ledger.Ledger;
import io.chipledger.server.metrics.GameMetrics;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * What every table actor shares: the ledger, hand and seat records, decks, timers, the clock, how long a dropped
 * player keeps their seat, the executor the mailboxes run on, and a worker executor for blocking calls.
 */
public record TableServices(Ledger ledger, HandRecords hands, SeatRecords seats, DeckSource decks, TableTimer timer,
                            Clock clock, SeatTimeouts seatTimeouts, GameMetrics metrics, PlayerNews online,
                            Executor tableExecutor,
                            Executor worker) {

    /** The same services as one table of a game node uses them: its postings and records fenced by its lease. */
    TableServices fencedBy(TableFence fence) {
        return new TableServices(new FencedLedger(ledger, fence), hands.fencedBy(fence), seats.fencedBy(fence), decks, timer,
                clock, seatTimeouts, metrics, online, tableExecutor, worker);
    }
}
