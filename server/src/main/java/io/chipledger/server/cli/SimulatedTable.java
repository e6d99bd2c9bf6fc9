package io.chipledger.server.cli;

import io.chipledger.ledger.Ledger;
import io.chipledger.ledger.Leg;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.TransferKind;
import io.chipledger.money.Money;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One poker table as the ledger sees it under load: like a table actor, it has one posting in flight at a time and
 * sends the next only when the previous committed. Chips go seat to pot and back, so funds never run out; every eight
 * postings make a hand, so they carry table, hand and action references as a table's postings do.
 * Latencies are kept for postings sent inside the measuring window.
 */
final class SimulatedTable {

    private final Ledger ledger;
    private final String tableRef;
    private final String keyPrefix;
    private final long seatId;
    private final long potId;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private long[] latencies = new long[1024];
    private int measured;
    private long sequence;
    private long rejected;
    private long failed;
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile boolean running = true;

    SimulatedTable(Ledger ledger, String tableRef, long seatId, long potId) {
        this.ledger = ledger;
        this.tableRef = tableRef;
        this.keyPrefix = tableRef + "/p";
        this.seatId = seatId;
        this.potId = potId;
    }

    void start() {
        postNext();
    }

    /** Postings sent from {@code start} and completed by {@code end} (System.nanoTime) are measured. */
    void measureBetween(long start, long end) {
        windowStart = start;
        windowEnd = end;
    }

    CompletableFuture<Void> stop() {
        running = false;
        return stopped;
    }

    long[] latencies() {
        return Arrays.copyOf(latencies, measured);
    }

    long rejected() {
        return rejected;
    }

    long failed() {
        return failed;
    }

    private void postNext() {
        if (!running) {
            stopped.complete(null);
            return;
        }
        long n = sequence++;
        boolean toPot = n % 2 == 0;
        Money amount = Money.ofCents(100 + (n / 2) % 400);
        // A hand of a real table makes about eight chip movements, each naming its table, hand and action.
        Posting posting = new Posting(keyPrefix + n, TransferKind.BET, tableRef, tableRef + "/h" + n / 8,
                "a" + n % 8, List.of(new Leg(toPot ? seatId : potId, toPot ? potId : seatId, amount, TransferKind.BET)));
        long sent = System.nanoTime();
        ledger.post(posting).whenComplete((result, failure) -> {
            long done = System.nanoTime();
            if (failure != null) {
                failed++;
            } else if (!(result instanceof PostingResult.Committed)) {
                rejected++;
            } else if (sent >= windowStart && done <= windowEnd) {
                record(done - sent);
            }
            postNext();
        });
    }

    private void record(long nanos) {
        if (measured == latencies.length) {
            latencies = Arrays.copyOf(latencies, measured * 2);
        }
        latencies[measured++] = nanos;
    }
}
