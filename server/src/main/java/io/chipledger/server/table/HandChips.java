package io.chipledger.server.table;

import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.money.Money;
import io.chipledger.server.game.holdem.HandEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntToLongFunction;

/**
 * Where the chips of a table's hands are kept: in the ledger at a cash table ({@link ChipPoster}: every bet is a
 * posting), or in the tournament's own count at a sit-and-go's table ({@link TournamentChips}: tournament chips are
 * not money, and move nothing in the ledger). The croupier plays hands the same way over either.
 */
sealed interface HandChips permits ChipPoster, TournamentChips {

    /** The posting for these events' chip movements, or null when the ledger has no part in them. */
    Posting postingFor(String key, String handRef, String actionRef, List<HandEvent> events, IntToLongFunction seatAccount);

    /** Posts what {@link #postingFor} returned; completes only with the ledger's answer. */
    CompletableFuture<PostingResult> post(Posting posting);

    /** Gives back every chip of a hand that will not settle to the seat it came from; completes with what went back. */
    CompletableFuture<HandVoider.Refunds> voidHand(RunningHand voided);

    /** The seat's stack once a voided hand's chips are back where they came from. */
    Money stackAfterVoid(Seat seat);
}
