package io.chipledger.server.table;

import io.chipledger.money.Money;

/**
 * What a table's helpers share: the seats, the hand being played, the button, and whether the table deals. Mutable;
 * touched only inside the table's mailbox.
 */
final class TableState {

    final TableConfig config;
    final SeatMap seats;
    /** The hand being played, or null between hands. */
    RunningHand hand;
    int button = -1;
    /** The server is stopping: no new hands. */
    boolean closing;
    /** An operator's pause: no new hands until resumed; the hand in progress plays on. */
    boolean paused;
    /** The database is unavailable: no new hands until it is back; the hand in progress plays on as far as it can. */
    boolean databaseAway;
    /** An operator's close: no new hands or seats, and every seat is cashed out once the hand in progress ends. */
    boolean closedByOperator;
    /** Another game node serves the table now: this actor takes no command and moves no chip. */
    boolean moved;
    /** A sit-and-go's table: its stakes, seats and ending are the tournament's. Null at a cash table. */
    TournamentTable tournament;

    TableState(TableConfig config) {
        this.config = config;
        this.seats = new SeatMap(config.seatCount());
    }

    boolean inHand(Seat seat) {
        return hand != null && hand.hand.setup().players().stream().anyMatch(p -> p.seat() == seat.number);
    }

    boolean dealsNewHands() {
        return !closing && !paused && !closedByOperator && !databaseAway;
    }

    /** The seat's chips as they stand now: in the hand's narration while it plays, else as last committed. */
    Money liveStack(Seat seat) {
        return inHand(seat) ? hand.narrator.stack(seat.number) : seat.stack;
    }

    boolean playsATournament() {
        return tournament != null;
    }

    long seatAccount(int seat) {
        return seats.get(seat).accountId;
    }
}
