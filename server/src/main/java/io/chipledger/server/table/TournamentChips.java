package io.chipledger.server.table;

import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.money.Money;
import io.chipledger.server.game.holdem.HandEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntToLongFunction;

/**
 * A sit-and-go table's chips: tournament chips, which are not money, so a hand posts nothing to the ledger. A seat's
 * stack changes only when a hand ends (the croupier reads the engine's final stacks), so a voided hand's chips are
 * back where they were simply by keeping each seat's stack as it was at the hand's start.
 */
final class TournamentChips implements HandChips {

    private static final HandVoider.Refunds NOTHING_POSTED = new HandVoider.Refunds(Map.of(), List.of(), List.of());

    @Override
    public Posting postingFor(String key, String handRef, String actionRef, List<HandEvent> events, IntToLongFunction seatAccount) {
        return null;
    }

    @Override
    public CompletableFuture<PostingResult> post(Posting posting) {
        throw new IllegalStateException("tournament chips are not posted to the ledger: " + posting.idempotencyKey());
    }

    @Override
    public CompletableFuture<HandVoider.Refunds> voidHand(RunningHand voided) {
        return CompletableFuture.completedFuture(NOTHING_POSTED);
    }

    @Override
    public Money stackAfterVoid(Seat seat) {
        return seat.stack;
    }
}
