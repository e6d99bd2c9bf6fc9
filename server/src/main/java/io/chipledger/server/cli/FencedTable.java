package io.chipledger.server.cli;

import io.chipledger.ledger.Fence;
import io.chipledger.ledger.Ledger;
import io.chipledger.ledger.Leg;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.RejectReason;
import io.chipledger.ledger.TransferKind;
import io.chipledger.money.Money;

import java.util.List;
import java.util.function.Consumer;

/**
 * One table of the cluster probe as a node serves it: while the node holds the table's lease, one posting in flight,
 * each carrying the lease's fence. A posting refused as FENCED (the lease moved on) stops the table at once; a posting
 * whose outcome is unknown is posted again under the same key until the ledger tells. Chips go seat to pot and back.
 */
final class FencedTable {

    private static final Money STAKE = Money.of("1.00");

    private final Ledger ledger;
    private final String tableRef;
    private final String holder;
    private final long seatId;
    private final long potId;
    private final ProbeTally tally;
    private final Consumer<String> acknowledged;
    private Fence fence;
    private Money inPot = Money.ZERO;
    private boolean inFlight;
    private boolean running = true;
    private long sequence;

    FencedTable(Ledger ledger, String tableRef, String holder, long seatId, long potId, ProbeTally tally,
                Consumer<String> acknowledged) {
        this.ledger = ledger;
        this.tableRef = tableRef;
        this.holder = holder;
        this.seatId = seatId;
        this.potId = potId;
        this.tally = tally;
        this.acknowledged = acknowledged;
    }

    /** The lease this table is played under. */
    String leaseName() {
        return "table:" + tableRef;
    }

    long potId() {
        return potId;
    }

    /** The fence the table is served under now, or null when this node does not serve it. */
    synchronized Fence fence() {
        return fence;
    }

    /**
     * Serves the table under a fresh claim; {@code pot} was read after the claim committed, when no posting of an
     * older epoch could commit any more.
     */
    synchronized void take(Fence claimed, Money pot) {
        fence = claimed;
        inPot = pot;
        if (!inFlight) {
            postNext();
        }
    }

    /** The lease was claimed by another (a renewal came back without it): stop serving the table. */
    synchronized void lose(Fence lost) {
        if (lost.equals(fence)) {
            fence = null;
            tally.leasesLost.incrementAndGet();
        }
    }

    synchronized void stop() {
        running = false;
    }

    private void postNext() {
        if (!running || fence == null) {
            inFlight = false;
            return;
        }
        boolean collect = inPot.signum() > 0;
        Money amount = collect ? inPot : STAKE;
        String key = tableRef + "/" + holder + "@" + fence.epoch() + "/" + sequence++;
        Leg leg = collect ? new Leg(potId, seatId, amount, TransferKind.POT_AWARD)
                : new Leg(seatId, potId, amount, TransferKind.BET);
        Posting posting = new Posting(key, leg.kind(), tableRef, tableRef + "/h" + sequence / 2, null, List.of(leg),
                fence);
        inFlight = true;
        send(posting, collect ? amount.negate() : amount);
    }

    private void send(Posting posting, Money potChange) {
        ledger.post(posting).whenComplete((result, failure) -> settle(posting, potChange, result, failure));
    }

    private synchronized void settle(Posting posting, Money potChange, PostingResult result, Throwable failure) {
        if (failure != null) {
            // The outcome is unknown (the database stayed away past the writer's wait): ask again with the same key.
            tally.unknown.incrementAndGet();
            send(posting, potChange);
            return;
        }
        if (result.accepted()) {
            accepted(posting, potChange);
            return;
        }
        PostingResult.Rejected rejected = (PostingResult.Rejected) result;
        if (rejected.reason() == RejectReason.FENCED) {
            tally.fenced.incrementAndGet();
        } else {
            tally.rejected.incrementAndGet();
            tally.note(tableRef + ": " + rejected.message());
        }
        if (posting.fence().equals(fence) || rejected.reason() != RejectReason.FENCED) {
            fence = null;
        }
        postNext(); // goes on only if the table was taken again meanwhile, under a newer fence
    }

    private void accepted(Posting posting, Money potChange) {
        acknowledged.accept(posting.idempotencyKey());
        tally.acknowledged();
        if (posting.fence().equals(fence)) {
            // A posting of an older claim of ours committed before the newer claim, whose pot reading has it already.
            inPot = inPot.plus(potChange);
        }
        postNext();
    }
}
