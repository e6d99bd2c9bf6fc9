package io.chipledger.server.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Who is dealt into the next hand, and where the button goes. A seat that was not dealt into a hand the table played
 * (a newcomer, a player back from sitting out or from a rebuy) waits until the big blind reaches it, so no one plays
 * the button or the small blind without having paid a big blind; while fewer than two players are playing, no one
 * waits.
 */
final class DealingOrder {

    private DealingOrder() {
    }

    /** The button's seat and the seats dealt in, from the left of the button round to it. */
    record Deal(int button, List<Seat> dealtIn) {
    }

    /** Moves the button past {@code lastButton} and picks the seats; clears the wait of a seat that comes in now. */
    static Deal next(SeatMap seats, int lastButton) {
        List<Seat> ready = seats.ready();
        List<Seat> playing = ready.stream().filter(seat -> !seat.waitsForBigBlind).toList();
        if (playing.size() < 2) {
            ready.forEach(seat -> seat.waitsForBigBlind = false);
            int button = seats.nextReadyAfter(lastButton);
            return new Deal(button, seats.readyFromLeftOf(button));
        }
        int button = nextAfter(seats, lastButton, playing);
        List<Seat> dealtIn = fromLeftOf(seats, button, playing);
        for (Seat waiting : fromLeftOf(seats, button, ready)) {
            if (!waiting.waitsForBigBlind) {
                continue;
            }
            List<Seat> trial = new ArrayList<>(dealtIn);
            trial.add(waiting);
            trial = fromLeftOf(seats, button, trial);
            if (trial.indexOf(waiting) == bigBlindPosition(trial.size())) {
                waiting.waitsForBigBlind = false;
                return new Deal(button, trial);
            }
        }
        return new Deal(button, dealtIn);
    }

    /** After a hand is dealt: every seat left out of it waits for the big blind before it plays again. */
    static void leftOut(SeatMap seats, List<Seat> dealtIn) {
        for (Seat seat : seats.occupied()) {
            if (!dealtIn.contains(seat)) {
                seat.waitsForBigBlind = true;
            }
        }
    }

    /** Heads-up the button posts the small blind and the other player the big blind; otherwise the second seat does. */
    private static int bigBlindPosition(int players) {
        return players == 2 ? 0 : 1;
    }

    private static int nextAfter(SeatMap seats, int lastButton, List<Seat> among) {
        for (int i = 1; i <= seats.count(); i++) {
            Seat seat = seats.get(Math.floorMod(lastButton + i, seats.count()));
            if (seat != null && among.contains(seat)) {
                return seat.number;
            }
        }
        throw new IllegalStateException("no seat to take the button");
    }

    /** {@code among}, in order from the left of {@code button} round to the button itself. */
    private static List<Seat> fromLeftOf(SeatMap seats, int button, List<Seat> among) {
        List<Seat> order = new ArrayList<>();
        for (int i = 1; i <= seats.count(); i++) {
            Seat seat = seats.get(Math.floorMod(button + i, seats.count()));
            if (seat != null && among.contains(seat)) {
                order.add(seat);
            }
        }
        return order;
    }
}
