package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One street's betting: whose turn it is, what a call costs, the smallest full raise, the largest bet the variant's
 * {@link BettingStructure} allows, and who may still raise. A bet or raise puts every other player with chips back in
 * the queue; an all-in for less than a full raise does not reopen the raising for players who already acted unless,
 * together with earlier short all-ins, it adds up to one.
 */
final class BettingRound {

    private final List<SeatState> seats;
    private final Reopening reopening;
    private final BettingStructure betting;
    private final Street street;
    private final Deque<SeatState> toAct = new ArrayDeque<>();
    /** The maximum bet when each player last acted voluntarily (blinds are not actions). */
    private final Map<SeatState, Money> betFacedWhenActed = new HashMap<>();
    private Money highestBet = Money.ZERO;
    /** The increment a raise must add to be full: the minimum bet, or the largest bet/raise of this street. */
    private Money fullRaise;
    private SeatState lastAggressor;

    BettingRound(List<SeatState> seats, int openerPosition, Money minBet, Reopening reopening,
                 BettingStructure betting, Street street) {
        this.seats = seats;
        this.reopening = reopening;
        this.betting = betting;
        this.street = street;
        this.fullRaise = minBet;
        for (SeatState seat : seats) {
            highestBet = highestBet.max(seat.streetBet);
        }
        Money coverable = secondLargestTotal();
        for (int i = 0; i < seats.size(); i++) {
            SeatState seat = seats.get((openerPosition + i) % seats.size());
            // A player whose bet already covers all any opponent can put in has nothing to decide this street.
            if (seat.canAct() && coverable.isGreaterThan(seat.streetBet)) {
                toAct.add(seat);
            }
        }
        // A lone player with chips who already matches the highest bet (everyone else all-in) has nothing to decide.
        if (toAct.size() == 1 && !toAct.peekFirst().streetBet.isLessThan(highestBet)) {
            toAct.clear();
        }
    }

    /**
     * The second largest of the live players' street bets plus stacks: the most any player can be called for. As
     * pokerkit does, this is looked at once, when the street's betting opens.
     */
    private Money secondLargestTotal() {
        Money largest = Money.ZERO;
        Money second = Money.ZERO;
        for (SeatState seat : seats) {
            if (seat.live()) {
                Money total = seat.streetBet.plus(seat.stack);
                if (total.isGreaterThan(largest)) {
                    second = largest;
                    largest = total;
                } else if (total.isGreaterThan(second)) {
                    second = total;
                }
            }
        }
        return second;
    }

    /** The player to act, or null when the round is over. */
    SeatState actor() {
        return isOver() ? null : toAct.peekFirst();
    }

    boolean isOver() {
        return toAct.isEmpty() || liveCount() <= 1;
    }

    Money highestBet() {
        return highestBet;
    }

    boolean isOpen() {
        return highestBet.isZero();
    }

    SeatState lastAggressor() {
        return lastAggressor;
    }

    Money toCall(SeatState seat) {
        return highestBet.minus(seat.streetBet).min(seat.stack);
    }

    /** Null when {@code seat} may bet or raise now, otherwise why not. */
    Refusal whyNoRaise(SeatState seat) {
        if (!seat.stack.isGreaterThan(highestBet.minus(seat.streetBet))) {
            return Refusal.ALREADY_COVERED;
        }
        boolean opponentCanCall = false;
        for (SeatState other : seats) {
            if (other != seat && other.live() && other.stack.plus(other.streetBet).isGreaterThan(highestBet)) {
                opponentCanCall = true;
                break;
            }
        }
        if (!opponentCanCall) {
            return Refusal.NO_OPPONENT_CAN_CALL;
        }
        Money faced = betFacedWhenActed.get(seat);
        boolean reopened = faced == null || !highestBet.minus(faced).isLessThan(fullRaise);
        if (reopening == Reopening.FULL_RAISE_ONLY && !reopened) {
            return Refusal.BETTING_NOT_REOPENED;
        }
        return null;
    }

    /** The smallest legal street total for a bet or raise: a full raise, or the whole stack when that is less. */
    Money minRaiseTo(SeatState seat) {
        return highestBet.plus(fullRaise).min(allInTo(seat));
    }

    /** The largest legal street total: the whole stack, or less when the betting structure limits it. */
    Money maxRaiseTo(SeatState seat) {
        return betting.maxRaiseTo(new BettingSituation(street, highestBet, seat.streetBet, pot(), minRaiseTo(seat),
                allInTo(seat)));
    }

    /** The street total of putting in the whole stack. */
    Money allInTo(SeatState seat) {
        return seat.stack.plus(seat.streetBet);
    }

    BettingStructure betting() {
        return betting;
    }

    /** Every chip in the middle: what all players have committed, antes and this street's bets included. */
    private Money pot() {
        Money pot = Money.ZERO;
        for (SeatState seat : seats) {
            pot = pot.plus(seat.committed);
        }
        return pot;
    }

    void checkedOrCalled(SeatState seat) {
        toAct.pollFirst();
        betFacedWhenActed.put(seat, highestBet);
    }

    void folded(SeatState seat) {
        toAct.pollFirst();
        seat.folded = true;
    }

    /** Records a bet or raise to {@code to} (already committed) and queues everyone else who can still act. */
    void raisedTo(SeatState raiser, Money to) {
        fullRaise = fullRaise.max(to.minus(highestBet));
        highestBet = to;
        lastAggressor = raiser;
        betFacedWhenActed.put(raiser, to);
        toAct.clear();
        for (int i = 1; i < seats.size(); i++) {
            SeatState seat = seats.get((raiser.position + i) % seats.size());
            if (seat.canAct()) {
                toAct.add(seat);
            }
        }
    }

    private int liveCount() {
        int live = 0;
        for (SeatState seat : seats) {
            if (seat.live()) {
                live++;
            }
        }
        return live;
    }
}
