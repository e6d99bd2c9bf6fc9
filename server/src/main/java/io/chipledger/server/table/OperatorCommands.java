package io.chipledger.server.table;

import io.chipledger.protocol.TableEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What an operator (the admin console) does to a table: pause and resume dealing, close it (its seats cashed out
 * once no hand runs), stand a player up, and look at it with every seat's stack.
 */
final class OperatorCommands {

    /** What the players are told when the database goes away. */
    static final String DATABASE_AWAY = "the database is unavailable; no new hand until it is back";

    private final TableState table;
    private final Croupier croupier;
    private final Departures departures;
    private final RemovedPlayers removed;

    OperatorCommands(TableState table, Croupier croupier, Departures departures, RemovedPlayers removed) {
        this.table = table;
        this.croupier = croupier;
        this.departures = departures;
        this.removed = removed;
    }

    /** Deals no new hand until {@link #resume()}; the hand in progress is played to its end; the players are told why. */
    Outcome pause(String reason) {
        if (table.paused) {
            return Outcome.none();
        }
        table.paused = true;
        return Outcome.published(new TableEvent.TablePaused("paused by an operator: " + reason));
    }

    Outcome resume() {
        if (!table.paused) {
            return Outcome.none();
        }
        table.paused = false;
        croupier.dealIfReady();
        return table.databaseAway ? Outcome.none() : Outcome.published(new TableEvent.TableResumed());
    }

    /** The database went away: no new hand until it is back, and everyone at the table is told why. */
    CompletionStage<Outcome> databaseLost() {
        if (table.databaseAway) {
            return Outcome.none().now();
        }
        table.databaseAway = true;
        return Outcome.published(new TableEvent.TablePaused(DATABASE_AWAY))
                .now();
    }

    /** The database is back: dealing resumes (unless an operator paused the table) and the table is told. */
    CompletionStage<Outcome> databaseBack() {
        if (!table.databaseAway) {
            return Outcome.none().now();
        }
        table.databaseAway = false;
        croupier.dealIfReady();
        return Outcome.published(new TableEvent.TableResumed()).now();
    }

    /** No new hands or seats; the seats are cashed out now if no hand runs, else once it ends. */
    CompletionStage<Outcome> close(String reason) {
        Outcome told = table.closedByOperator ? Outcome.none() : Outcome.published(new TableEvent.TableClosing(reason));
        table.closedByOperator = true;
        return (table.hand == null ? told.then(departures::cashOutLeavers) : told).now();
    }

    /** What a kick came to, and the stage that carries it out. */
    record Kick(TableActor.KickResult result, CompletionStage<Outcome> outcome) {
    }

    /**
     * Stands a player up as their own leave would (folded now if it is their turn, cashed out after the hand), tells
     * the table why, and keeps them from sitting here again for a while.
     */
    Kick kick(long playerId, String reason) {
        Seat seat = table.seats.ofPlayer(playerId);
        if (seat == null) {
            return new Kick(TableActor.KickResult.NOT_SEATED, Outcome.none().now());
        }
        TableActor.KickResult result = table.inHand(seat) ? TableActor.KickResult.CASHED_OUT_AFTER_HAND
                : TableActor.KickResult.CASHED_OUT;
        removed.removed(playerId);
        Outcome told = Outcome.published(new TableEvent.PlayerRemoved(seat.number, seat.player.name(), reason,
                removed.bar().toMillis()));
        return new Kick(result, told.then(() -> croupier.standUp(seat)).now());
    }

    TableActor.OperatorView view(int watching) {
        List<TableActor.OperatorView.SeatLine> lines = new ArrayList<>();
        for (Seat seat : table.seats.occupied()) {
            lines.add(new TableActor.OperatorView.SeatLine(seat.number, seat.player.id(), seat.player.name(),
                    table.liveStack(seat), table.inHand(seat), seat.sittingOut, seat.leaving, seat.connected));
        }
        TableStatus state = table.closedByOperator ? TableStatus.CLOSING : table.paused ? TableStatus.PAUSED : TableStatus.OPEN;
        return new TableActor.OperatorView(table.config, state, table.hand == null ? null : table.hand.id, lines,
                watching, croupier.averagePot());
    }
}
