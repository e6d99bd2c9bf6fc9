package io.chipledger.server.table;

import io.chipledger.ledger.Ledger;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * What every table actor shares: the ledger, hand records, decks, timers, the clock, the executor the mailboxes run
 * on, and a worker executor for blocking calls (account lookups).
 */
public record TableServices(Ledger ledger, HandRecords hands, DeckSource decks, TableTimer timer, Clock clock,
                            Executor tableExecutor, Executor worker) {
}
