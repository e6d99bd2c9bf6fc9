package io.chipledger.server.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Who is dealt into the next hand, and where the button goes. A seat that was not dealt into a hand the table played
 * (a newcomer, a player back from sitting out or from a rebuy) waits until the big blind reaches it, so no one plays
 * the button or the small blind without having paid a big blind; while fewer than two players are playing, no one
 * waits. A waiting player who chose to post comes in sooner, at the first hand in which the seat is after the blinds
 * (and straddle) and before the button, posting a live big blind there, as in the rooms players know (PokerStars: "in
 * any position except between the blinds and the button"); between the button and the small blind they still wait.
 */
final class DealingOrder {

    private DealingOrder() {
    }

    /** The button's seat, the seats dealt in from the left of the button round to it, and those who post to come in. */
    record Deal(int button, List<Seat> dealtIn, List<Seat> posting) {

        Deal {
            dealtIn = List.copyOf(dealtIn);
            posting = List.copyOf(posting);
        }
    }

    /**
     * Moves the button past {@code lastButton} and picks the seats; clears the wait of a seat that comes in now.
     * {@code straddle}: the table posts a straddle left of the big blind, so a post comes after it.
     */
    static Deal next(SeatMap seats, int lastButton, boolean straddle) {
        List<Seat> ready = seats.ready();
        List<Seat> playing = ready.stream().filter(seat -> !seat.waitsForBigBlind).toList();
        if (playing.size() < 2) {
            ready.forEach(DealingOrder::comesIn);
            int button = seats.nextReadyAfter(lastButton);
            return new Deal(button, seats.readyFromLeftOf(button), List.of());
        }
        int button = nextAfter(seats, lastButton, playing);
        List<Seat> dealtIn = withTheNextBigBlind(seats, button, ready, fromLeftOf(seats, button, playing));
        List<Seat> posting = new ArrayList<>();
        for (Seat waiting : fromLeftOf(seats, button, ready)) {
            if (!waiting.waitsForBigBlind || !waiting.postsBigBlind) {
                continue;
            }
            List<Seat> trial = new ArrayList<>(dealtIn);
            trial.add(waiting);
            trial = fromLeftOf(seats, button, trial);
            // After the blinds, so none of them moves; never the button, which only a playing seat takes.
            if (trial.indexOf(waiting) > (straddle ? 2 : 1)) {
                comesIn(waiting);
                posting.add(waiting);
                dealtIn = trial;
            }
        }
        return new Deal(button, dealtIn, posting);
    }

    /** The playing seats, and the first waiting seat that the big blind reaches in this hand, if one does. */
    private static List<Seat> withTheNextBigBlind(SeatMap seats, int button, List<Seat> ready, List<Seat> dealtIn) {
        for (Seat waiting : fromLeftOf(seats, button, ready)) {
            if (!waiting.waitsForBigBlind) {
                continue;
            }
            List<Seat> trial = new ArrayList<>(dealtIn);
            trial.add(waiting);
            trial = fromLeftOf(seats, button, trial);
            if (trial.indexOf(waiting) == bigBlindPosition(trial.size())) {
                comesIn(waiting);
                return trial;
            }
        }
        return dealtIn;
    }

    private static void comesIn(Seat seat) {
        seat.waitsForBigBlind = false;
        seat.postsBigBlind = false;
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
