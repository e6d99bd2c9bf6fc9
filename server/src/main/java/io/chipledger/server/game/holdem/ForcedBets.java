package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Posts antes, then blinds and straddle, then the live big blinds of players who chose to post one rather than wait
 * for it, each capped at the player's stack (a short player is all-in for less). Heads-up the button (position 1)
 * posts the small blind and the other player the big blind.
 */
final class ForcedBets {

    private ForcedBets() {
    }

    /** Posts everything and returns the events; the seats are changed in place. */
    static List<HandEvent> post(List<SeatState> seats, Stakes stakes) {
        List<HandEvent> events = new ArrayList<>();
        postAntes(seats, stakes.ante(), events);
        int n = seats.size();
        post(seats.get(n == 2 ? 1 : 0), Blind.SMALL, stakes.smallBlind(), events);
        post(seats.get(n == 2 ? 0 : 1), Blind.BIG, stakes.bigBlind(), events);
        if (stakes.hasStraddle()) {
            post(seats.get(2), Blind.STRADDLE, stakes.straddle(), events);
        }
        // Live, like the big blind's: it counts toward the poster's call, and with no raise they may check or raise.
        for (SeatState seat : seats) {
            if (seat.postsBigBlind) {
                post(seat, Blind.BIG, stakes.bigBlind(), events);
            }
        }
        return events;
    }

    /** Position of the last live blind; preflop action starts left of it. */
    static int lastBlindPosition(List<SeatState> seats, Stakes stakes) {
        if (stakes.hasStraddle()) {
            return 2;
        }
        return seats.size() == 2 ? 0 : 1;
    }

    static SeatState bigBlind(List<SeatState> seats) {
        return seats.get(seats.size() == 2 ? 0 : 1);
    }

    private static void postAntes(List<SeatState> seats, Ante ante, List<HandEvent> events) {
        if (ante instanceof Ante.BigBlind bigBlindAnte) {
            SeatState poster = bigBlind(seats);
            Money amount = bigBlindAnte.amount().min(poster.stack);
            poster.commit(amount, false);
            poster.deadAnte = amount;
            events.add(new HandEvent.AntePosted(poster.seat, amount, true, !poster.hasChips(), poster.stack));
        } else if (ante instanceof Ante.Uniform uniform) {
            for (SeatState seat : seats) {
                Money amount = uniform.amount().min(seat.stack);
                seat.commit(amount, false);
                events.add(new HandEvent.AntePosted(seat.seat, amount, false, !seat.hasChips(), seat.stack));
            }
            returnUnmatchedAnte(seats, events);
        }
    }

    /**
     * Uniform antes count toward the pot levels like bets, so a full ante that no other player could match (everyone
     * else short) is returned like an uncalled bet.
     */
    private static void returnUnmatchedAnte(List<SeatState> seats, List<HandEvent> events) {
        List<SeatState> byAnte = new ArrayList<>(seats);
        byAnte.sort(Comparator.comparing((SeatState s) -> s.committed).reversed());
        Money excess = byAnte.get(0).committed.minus(byAnte.get(1).committed);
        if (excess.isPositive()) {
            byAnte.get(0).refund(excess, false);
            events.add(new HandEvent.UncalledBetReturned(byAnte.get(0).seat, excess, byAnte.get(0).stack));
        }
    }

    private static void post(SeatState seat, Blind blind, Money amount, List<HandEvent> events) {
        Money posted = amount.min(seat.stack);
        if (posted.isPositive()) {
            seat.commit(posted, true);
            events.add(new HandEvent.BlindPosted(seat.seat, blind, posted, !seat.hasChips(), seat.stack));
        }
    }
}
