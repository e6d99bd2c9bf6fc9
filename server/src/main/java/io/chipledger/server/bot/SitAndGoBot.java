package io.chipledger.server.bot;

import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.protocol.TableView;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sit-and-go player over a real WebSocket: it watches the tournament's table (the tournament seated it) and plays
 * each of its turns at once, a seeded mix of checks, calls, minimum raises, folds and all-ins, so a tournament ends in
 * a few dozen hands. Any seat's private turn is its own: the server sends options only to the player whose turn it is.
 */
final class SitAndGoBot {

    private static final long RATE_LIMIT_PAUSE_MILLIS = 200;

    private final PokerClient client;
    private final long tableId;
    private final SplittableRandom random;
    private final AtomicLong actions;
    private long handId = -1;
    private ClientMessage.Act lastAct;

    SitAndGoBot(PokerClient client, long tableId, long seed, AtomicLong actions) {
        this.client = client;
        this.tableId = tableId;
        this.random = new SplittableRandom(seed);
        this.actions = actions;
    }

    /** Starts listening, then watches the table: the player is sat in and dealt in from the next hand. */
    void play() {
        client.listen(this::onMessage);
        client.send(r -> new ClientMessage.Watch(r, tableId, null));
    }

    private synchronized void onMessage(ServerMessage message) {
        if (message instanceof ServerMessage.Error error && error.code() == ErrorCode.RATE_LIMITED && lastAct != null
                && lastAct.requestId().equals(error.requestId())) {
            ClientMessage.Act again = lastAct;
            CompletableFuture.delayedExecutor(RATE_LIMIT_PAUSE_MILLIS, TimeUnit.MILLISECONDS).execute(() -> client.send(again));
        } else if (message instanceof ServerMessage.Snapshot snapshot && snapshot.tableId() == tableId
                && snapshot.table().handId() != null) {
            handId = snapshot.table().handId();
        } else if (message instanceof ServerMessage.Event event && event.tableId() == tableId) {
            if (event.event() instanceof TableEvent.HandStarted started) {
                handId = started.handId();
            } else if (event.event() instanceof TableEvent.TurnStarted turn && turn.turn().legal() != null) {
                act(turn.turn().legal());
            }
        }
    }

    private void act(TableView.LegalActions legal) {
        int roll = random.nextInt(100);
        ActionKind kind;
        if (legal.maxRaiseTo() != null && roll < 15) {
            kind = ActionKind.ALL_IN;
        } else if (legal.minRaiseTo() != null && roll < 30) {
            kind = legal.canCheck() ? ActionKind.BET : ActionKind.RAISE;
        } else if (!legal.canCheck() && roll < 50) {
            kind = ActionKind.FOLD;
        } else {
            kind = legal.canCheck() ? ActionKind.CHECK : ActionKind.CALL;
        }
        boolean sized = kind == ActionKind.BET || kind == ActionKind.RAISE;
        lastAct = new ClientMessage.Act(client.nextRequestId(), tableId, handId, kind, sized ? legal.minRaiseTo() : null);
        client.send(lastAct);
        actions.incrementAndGet();
    }
}
