package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;
import io.chipledger.money.PotSplit;
import io.chipledger.money.PotSplitter;
import io.chipledger.money.RakeRule;
import io.chipledger.server.game.Card;
import io.chipledger.server.game.eval.HandEvaluator;
import io.chipledger.server.game.eval.HandRanking;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ends a hand: settles the showdown (each hand made as the variant's {@link HandRanking} says), kills the dead hands,
 * forms the final pots, takes the rake (main pot first) and awards every pot. Split pots go through
 * {@link PotSplitter} with the winners in seat order from left of the button, so each pot's leftover cents follow
 * Robert's Rules.
 *
 * <p>As the dealer does before pushing chips, a hand outranked by the best hand of every pot is killed, and pots are
 * formed from the hands still alive: neighbouring pots left with the same contenders are one pot, split once (so the
 * same two winners do not see two odd cents go to one of them). This is how the conformance oracle (pokerkit) settles.
 */
final class Settlement {

    private final List<SeatState> seats;
    private final List<Card> board;
    private final HandRanking ranking;
    private final Map<Integer, Integer> strengthBySeat = new HashMap<>();

    Settlement(List<SeatState> seats, List<Card> board, HandRanking ranking) {
        this.seats = seats;
        this.board = board;
        this.ranking = ranking;
    }

    /**
     * @param showdownOrder live players in the order they must show; empty when one player is left
     * @param mayMuck       whether a player who cannot win any contested pot may muck instead of showing
     */
    List<HandEvent> settle(RakeRule rake, boolean flopDealt, List<SeatState> showdownOrder, boolean mayMuck) {
        List<HandEvent> events = new ArrayList<>();
        List<Pot> pots = PotBuilder.build(seats, true);
        if (!showdownOrder.isEmpty()) {
            showDown(pots, showdownOrder, mayMuck, events);
            Set<Integer> dead = deadHands(pots, showdownOrder);
            pots = PotBuilder.build(seats, true, seat -> seat.live() && !dead.contains(seat.seat));
        }
        Money[] amounts = takeRake(pots, rake, flopDealt, events);
        for (Pot pot : pots) {
            award(pot, amounts[pot.index()], events);
        }
        for (SeatState seat : seats) {
            seat.committed = Money.ZERO;
            seat.streetBet = Money.ZERO;
            seat.deadAnte = Money.ZERO;
        }
        events.add(new HandEvent.HandEnded(seats.stream().map(s -> new FinalStack(s.seat, s.stack)).toList()));
        return events;
    }

    /** Shows every listed hand (an all-in showdown tables them all before the board is finished). */
    static List<HandEvent> table(List<SeatState> showdownOrder) {
        List<HandEvent> events = new ArrayList<>();
        for (SeatState seat : showdownOrder) {
            events.add(new HandEvent.HandTabled(seat.seat, seat.holeCards));
        }
        return events;
    }

    private void showDown(List<Pot> pots, List<SeatState> order, boolean mayMuck, List<HandEvent> events) {
        for (SeatState seat : order) {
            int strength = strength(seat);
            if (mayMuck && !canWinAContestedPot(seat.seat, strength, pots)) {
                events.add(new HandEvent.HandMucked(seat.seat));
                continue;
            }
            strengthBySeat.put(seat.seat, strength);
            events.add(new HandEvent.HandShown(seat.seat, seat.holeCards, HandEvaluator.category(strength), strength));
        }
    }

    private boolean canWinAContestedPot(int seat, int strength, List<Pot> pots) {
        for (Pot pot : pots) {
            if (pot.eligibleSeats().size() > 1 && pot.eligibleSeats().contains(seat)
                    && strength >= bestShown(pot, Integer.MIN_VALUE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hands that can take nothing: mucked, or shown but outranked by the best shown hand of every pot. The sole
     * contender of a pot always keeps it.
     */
    private Set<Integer> deadHands(List<Pot> pots, List<SeatState> live) {
        Set<Integer> dead = new HashSet<>();
        for (SeatState seat : live) {
            Integer strength = strengthBySeat.get(seat.seat);
            boolean alive = false;
            for (Pot pot : pots) {
                boolean sole = pot.eligibleSeats().size() == 1 && pot.eligibleSeats().get(0) == seat.seat;
                if (sole || strength != null && strength >= bestShown(pot, Integer.MAX_VALUE)) {
                    alive = true;
                    break;
                }
            }
            if (!alive) {
                dead.add(seat.seat);
            }
        }
        return dead;
    }

    /** The strongest shown hand among the pot's contenders, or {@code none} if nobody in it has shown. */
    private int bestShown(Pot pot, int none) {
        int best = none;
        boolean any = false;
        for (int seat : pot.eligibleSeats()) {
            Integer strength = strengthBySeat.get(seat);
            if (strength != null) {
                best = any ? Math.max(best, strength) : strength;
                any = true;
            }
        }
        return best;
    }

    private Money[] takeRake(List<Pot> pots, RakeRule rake, boolean flopDealt, List<HandEvent> events) {
        Money total = Money.ZERO;
        for (Pot pot : pots) {
            total = total.plus(pot.amount());
        }
        Money owed = rake.apply(total, flopDealt).rake();
        Money[] amounts = new Money[pots.size()];
        for (Pot pot : pots) {
            Money taken = owed.min(pot.amount());
            amounts[pot.index()] = pot.amount().minus(taken);
            if (taken.isPositive()) {
                events.add(new HandEvent.RakeTaken(pot.index(), taken));
                owed = owed.minus(taken);
            }
        }
        return amounts;
    }

    private void award(Pot pot, Money amount, List<HandEvent> events) {
        if (amount.isZero()) {
            return;
        }
        PotSplit<Integer> split = PotSplitter.split(amount, winners(pot));
        for (PotSplit.Share<Integer> share : split.shares()) {
            if (share.amount().isPositive()) {
                SeatState winner = bySeat(share.recipient());
                winner.stack = winner.stack.plus(share.amount());
                events.add(new HandEvent.PotAwarded(pot.index(), share.recipient(), share.amount(), share.oddCent(),
                        winner.stack));
            }
        }
    }

    /** The best shown hands among the pot's contenders, in seat order from left of the button. */
    private List<Integer> winners(Pot pot) {
        if (pot.eligibleSeats().isEmpty()) {
            throw new IllegalStateException("pot " + pot.index() + " of " + pot.amount() + " has no contender");
        }
        if (pot.eligibleSeats().size() == 1) {
            return pot.eligibleSeats();
        }
        int best = bestShown(pot, Integer.MIN_VALUE);
        List<Integer> winners = new ArrayList<>();
        for (int seat : pot.eligibleSeats()) {
            Integer strength = strengthBySeat.get(seat);
            if (strength != null && strength == best) {
                winners.add(seat);
            }
        }
        return winners;
    }

    private int strength(SeatState seat) {
        return ranking.strength(seat.holeCards, board);
    }

    private SeatState bySeat(int seat) {
        for (SeatState s : seats) {
            if (s.seat == seat) {
                return s;
            }
        }
        throw new IllegalStateException("no seat " + seat);
    }
}
