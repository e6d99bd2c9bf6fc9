package io.chipledger.server.table;

import io.chipledger.protocol.TableEvent;
import io.chipledger.protocol.TableView;
import io.chipledger.server.game.holdem.HandCommand;
import io.chipledger.server.game.holdem.LegalActions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The turn clock: each turn has the table's action time, then the player's time bank, then the clock plays the turn
 * for them (check when free, else fold). A player who acts in the time bank is charged the time they used.
 */
final class TurnClock {

    private final TableState table;
    private final CommandTimer timers;
    private final Clock clock;

    TurnClock(TableState table, CommandTimer timers, Clock clock) {
        this.table = table;
        this.timers = timers;
        this.clock = clock;
    }

    /**
     * Starts the turn of the hand's actor: everyone hears whose turn it is, the actor with their options too; when
     * the action time runs out, {@code expired} is sent to the table with this turn's hand and number.
     */
    Outcome start(Expiry expired) {
        RunningHand hand = table.hand;
        int actorSeat = hand.hand.actor().getAsInt();
        Seat seat = table.seats.get(actorSeat);
        hand.turn++;
        hand.turnStarted = clock.instant();
        hand.inTimeBank = false;
        LegalActions legal = hand.hand.legalActions().orElseThrow();
        long actionMillis = table.config.actionTime().toMillis();
        TableView.Turn publicTurn = new TableView.Turn(actorSeat, actionMillis, seat.timeBank.toMillis(), null);
        TableView.Turn privateTurn = new TableView.Turn(actorSeat, actionMillis, seat.timeBank.toMillis(), legalView(legal));
        schedule(table.config.actionTime(), expired);
        return Outcome.of(new Outcome.Published(new TableEvent.TurnStarted(publicTurn), seat.player.id(),
                new TableEvent.TurnStarted(privateTurn)));
    }

    /**
     * The clock of turn {@code turn} of hand {@code handId} ran out. Returns the command to play for the player, or
     * null when there is none: they acted in time, or their time bank starts now.
     */
    HandCommand expired(long handId, int turn, Expiry expired) {
        RunningHand hand = table.hand;
        if (hand == null || hand.id != handId || hand.turn != turn) {
            return null; // the player acted in time
        }
        Seat seat = table.seats.get(hand.hand.actor().getAsInt());
        if (!hand.inTimeBank && !seat.timeBank.isZero() && !seat.timeBank.isNegative()) {
            hand.inTimeBank = true;
            hand.turnStarted = clock.instant();
            schedule(seat.timeBank, expired);
            return null;
        }
        seat.timeBank = Duration.ZERO;
        return autoAction(seat.number);
    }

    /** The player acted: time they used from their bank is gone. */
    void charge(Seat seat) {
        RunningHand hand = table.hand;
        if (hand.inTimeBank) {
            Duration used = Duration.between(hand.turnStarted, clock.instant());
            seat.timeBank = seat.timeBank.minus(used).isNegative() ? Duration.ZERO : seat.timeBank.minus(used);
        }
    }

    /** What the clock plays for an absent or timed-out player: check when free, otherwise fold. */
    HandCommand autoAction(int seat) {
        boolean canCheck = table.hand.hand.legalActions().map(LegalActions::canCheck).orElse(false);
        return canCheck ? new HandCommand.Check(seat) : new HandCommand.Fold(seat);
    }

    private void schedule(Duration delay, Expiry expired) {
        long handId = table.hand.id;
        int turn = table.hand.turn;
        table.hand.clock = timers.after(delay, () -> expired.command(handId, turn));
    }

    static TableView.LegalActions legalView(LegalActions legal) {
        return new TableView.LegalActions(legal.canCheck(), legal.canCheck() ? null : legal.toCall(),
                legal.canBetOrRaise() ? legal.minTo() : null, legal.canBetOrRaise() ? legal.maxTo() : null);
    }

    /** The command the table runs when a turn's clock runs out. */
    @FunctionalInterface
    interface Expiry {
        CompletionStage<Outcome> command(long handId, int turn);
    }
}
