package io.chipledger.server.table;

import io.chipledger.ledger.Leg;
import io.chipledger.ledger.Ledger;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.TransferKind;
import io.chipledger.money.Money;
import io.chipledger.server.game.holdem.ChipAccount;
import io.chipledger.server.game.holdem.ChipMovement;
import io.chipledger.server.game.holdem.HandEvent;
import io.chipledger.server.metrics.Metrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the chip movements of a table's hand events to the ledger, one posting per command, so a command's chips move
 * together or not at all. A posting whose outcome is unknown (the database failed) is posted again with the same key
 * until the ledger answers: the key makes that safe, and the table waits rather than guess.
 */
final class ChipPoster implements HandChips {

    private static final Logger log = LoggerFactory.getLogger(ChipPoster.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final Ledger ledger;
    private final long potAccount;
    private final long houseAccount;
    private final String tableRef;
    private final Metrics.Histogram commitLatency;
    private final Executor worker;

    ChipPoster(Ledger ledger, long potAccount, long houseAccount, String tableRef, Metrics.Histogram commitLatency,
               Executor worker) {
        this.ledger = ledger;
        this.worker = worker;
        this.potAccount = potAccount;
        this.houseAccount = houseAccount;
        this.tableRef = tableRef;
        this.commitLatency = commitLatency;
    }

    /** The posting for these events' chip movements, or null when they move no chips. */
    @Override
    public Posting postingFor(String key, String handRef, String actionRef, List<HandEvent> events, IntToLongFunction seatAccount) {
        List<Leg> legs = new ArrayList<>();
        for (HandEvent event : events) {
            if (event instanceof ChipMovement movement) {
                legs.add(new Leg(account(movement.from(), seatAccount), account(movement.to(), seatAccount),
                        movement.amount(), kindOf(event)));
            }
        }
        if (legs.isEmpty()) {
            return null;
        }
        return new Posting(key, legs.get(0).kind(), tableRef, handRef, actionRef, legs);
    }

    /** Posts, retrying an unknown outcome with the same key; completes only with an answer from the ledger. */
    @Override
    public CompletableFuture<PostingResult> post(Posting posting) {
        CompletableFuture<PostingResult> answer = new CompletableFuture<>();
        long posted = System.nanoTime();
        attempt(posting, answer, 1);
        return answer.whenComplete((result, failure) -> commitLatency.recordNanos(System.nanoTime() - posted));
    }

    /** Refunds what is left of the hand's pot to the seat accounts it came from (see {@link HandVoider}). */
    @Override
    public CompletableFuture<HandVoider.Refunds> voidHand(RunningHand voided) {
        return new HandVoider(ledger, worker).voidHand(potAccount, tableRef, voided.ref());
    }

    /** The seat account's balance: the ledger is where a cash table's chips are. */
    @Override
    public Money stackAfterVoid(Seat seat) {
        return ledger.balance(seat.accountId);
    }

    private void attempt(Posting posting, CompletableFuture<PostingResult> answer, int attempt) {
        ledger.post(posting).whenComplete((result, failure) -> {
            if (failure == null) {
                answer.complete(result);
                return;
            }
            long backoffMillis = Math.min(MAX_BACKOFF.toMillis(), 50L << Math.min(attempt, 7));
            log.warn("posting {} outcome unknown (attempt {}), asking again in {} ms", posting.idempotencyKey(), attempt,
                    backoffMillis, failure);
            Executor later = CompletableFuture.delayedExecutor(backoffMillis, TimeUnit.MILLISECONDS);
            later.execute(() -> attempt(posting, answer, attempt + 1));
        });
    }

    private long account(ChipAccount account, IntToLongFunction seatAccount) {
        if (account instanceof ChipAccount.SeatStack seat) {
            return seatAccount.applyAsLong(seat.seat());
        }
        return account instanceof ChipAccount.House ? houseAccount : potAccount;
    }

    static TransferKind kindOf(HandEvent event) {
        if (event instanceof HandEvent.AntePosted) {
            return TransferKind.ANTE;
        } else if (event instanceof HandEvent.BlindPosted) {
            return TransferKind.BLIND;
        } else if (event instanceof HandEvent.Called || event instanceof HandEvent.BetPlaced || event instanceof HandEvent.Raised) {
            return TransferKind.BET;
        } else if (event instanceof HandEvent.UncalledBetReturned) {
            return TransferKind.UNCALLED_BET_RETURN;
        } else if (event instanceof HandEvent.RakeTaken) {
            return TransferKind.RAKE;
        } else if (event instanceof HandEvent.PotAwarded) {
            return TransferKind.POT_AWARD;
        }
        throw new IllegalArgumentException("moves no chips: " + event);
    }
}
