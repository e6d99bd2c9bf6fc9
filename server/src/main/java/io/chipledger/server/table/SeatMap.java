package io.chipledger.server.table;

import io.chipledger.server.account.Player;
import java.util.ArrayList;
import java.util.List;

/** A table's seats by number, empty ones null. Used only inside the table's mailbox. */
final class SeatMap {

    private final Seat[] seats;

    SeatMap(int count) {
        this.seats = new Seat[count];
    }

    int count() {
        return seats.length;
    }

    Seat get(int number) {
        return seats[number];
    }

    void put(Seat seat) {
        seats[seat.number] = seat;
    }

    /** Frees the seat if {@code seat} still holds it. */
    void free(Seat seat) {
        if (seats[seat.number] == seat) {
            seats[seat.number] = null;
        }
    }

    /** Whether {@code seat} is still the one sitting in its place (a timer set for it may outlive it). */
    boolean holds(Seat seat) {
        return seats[seat.number] == seat;
    }

    /** The occupied seats, by number. */
    List<Seat> occupied() {
        List<Seat> occupied = new ArrayList<>();
        for (Seat seat : seats) {
            if (seat != null) {
                occupied.add(seat);
            }
        }
        return occupied;
    }

    /** The seats that would be dealt into a hand now. */
    List<Seat> ready() {
        return occupied().stream().filter(Seat::ready).toList();
    }

    List<String> playerNames() {
        return occupied().stream().map(s -> s.player.name()).toList();
    }

    Seat of(Player player) {
        return player == null ? null : ofPlayer(player.id());
    }

    Seat ofPlayer(long playerId) {
        for (Seat seat : seats) {
            if (seat != null && seat.player.id() == playerId) {
                return seat;
            }
        }
        return null;
    }

    /** The seat number of the player, or -1 when they do not sit here. */
    int numberOf(Player player) {
        Seat seat = of(player);
        return seat == null ? -1 : seat.number;
    }

    /** The first ready seat after {@code button}, going clockwise; -1 when none is ready. */
    int nextReadyAfter(int button) {
        for (int i = 1; i <= seats.length; i++) {
            int candidate = Math.floorMod(button + i, seats.length);
            if (seats[candidate] != null && seats[candidate].ready()) {
                return candidate;
            }
        }
        return -1;
    }

    /** The ready seats from the left of {@code button} round to the button itself. */
    List<Seat> readyFromLeftOf(int button) {
        List<Seat> order = new ArrayList<>();
        for (int i = 1; i <= seats.length; i++) {
            Seat seat = seats[Math.floorMod(button + i, seats.length)];
            if (seat != null && seat.ready()) {
                order.add(seat);
            }
        }
        return order;
    }
}
