package io.chipledger.server.table;

import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * What one stage of a table command came to: what is to be sent, in order (events for the table's audience, replies
 * to whoever asked, news for a player wherever they are), and the stage that follows, if any (the next turn after an
 * action, the cash-outs after a hand). The table's helpers return it; only {@link TableActor} sends it, once the
 * stage's ledger future completed.
 */
record Outcome(List<Output> outputs, Supplier<CompletionStage<Outcome>> next) {

    private static final Outcome NONE = new Outcome(List.of(), null);

    Outcome {
        outputs = List.copyOf(outputs);
    }

    /** One thing to send. */
    sealed interface Output {
    }

    /**
     * A table event: everyone sees {@code forAll}, except player {@code privatePlayer} ({@link EventLog#NOBODY}: none)
     * who sees {@code forPlayer}. Addressed to a player, never to a seat, which someone else may take later.
     */
    record Published(TableEvent forAll, long privatePlayer, TableEvent forPlayer) implements Output {
    }

    /** An answer to the connection whose command this is. */
    record Reply(ServerMessage message) implements Output {
    }

    /** News for a player on every connection they have open (their wallet changed). */
    record ToPlayer(long playerId, ServerMessage message) implements Output {
    }

    /** The requesting connection joins the table's audience; it already knows the table (it just sat down there). */
    record Joined() implements Output {
    }

    /**
     * The requesting connection is caught up from {@code lastSeq} (or sent a snapshot, and up to {@code recent} of the
     * latest events), then joins the audience.
     */
    record CaughtUp(Long lastSeq, int recent) implements Output {
    }

    static Outcome none() {
        return NONE;
    }

    static Outcome of(Output... outputs) {
        return new Outcome(List.of(outputs), null);
    }

    static Outcome published(TableEvent event) {
        return of(new Published(event, EventLog.NOBODY, null));
    }

    static Outcome done(String requestId) {
        return of(new Reply(new ServerMessage.Done(requestId)));
    }

    static Outcome refused(String requestId, ErrorCode code, String message) {
        return of(new Reply(new ServerMessage.Error(requestId, code, message)));
    }

    /** This outcome, as a stage that is already complete (it waited on nothing, or its wait is over). */
    CompletionStage<Outcome> now() {
        return CompletableFuture.completedFuture(this);
    }

    /** This outcome with {@code more} sent after what it already sends. */
    Outcome and(Output... more) {
        List<Output> all = new ArrayList<>(outputs);
        all.addAll(List.of(more));
        return new Outcome(all, next);
    }

    Outcome andPublished(TableEvent event) {
        return and(new Published(event, EventLog.NOBODY, null));
    }

    Outcome andDone(String requestId) {
        return and(new Reply(new ServerMessage.Done(requestId)));
    }

    /** This outcome followed by {@code following}, which runs once this one (and any stage it already had next) is sent. */
    Outcome then(Supplier<? extends CompletionStage<Outcome>> following) {
        if (next == null) {
            return new Outcome(outputs, following::get);
        }
        Supplier<CompletionStage<Outcome>> first = next;
        return new Outcome(outputs, () -> first.get().thenApply(outcome -> outcome.then(following)));
    }

    /** As {@link #then(Supplier)}, for a following stage that waits on nothing. */
    Outcome thenNow(Supplier<Outcome> following) {
        return then(() -> following.get().now());
    }
}
