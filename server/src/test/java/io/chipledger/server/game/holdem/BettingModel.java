package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A second opinion on what the player to act may do, worked out from the seats a client sees and the events of the
 * current street, not from {@code BettingRound}: the call is what the highest bet asks (or the whole stack), a raise
 * must add at least the largest bet or raise of the street (never less than the minimum bet) unless it is all-in, a
 * player who already acted may raise again only after a full raise, or short all-ins adding up to one, and in
 * pot-limit nobody may raise by more than the pot after calling: every chip the events put in the middle and not yet
 * returned, plus the call.
 */
final class BettingModel {

    private BettingModel() {
    }

    static LegalActions legalActions(HoldemHand hand, int actor) {
        Money fullRaise = hand.setup().stakes().minBet();
        Money highest = Money.ZERO;
        Map<Integer, Money> betFacedWhenActed = new HashMap<>();
        for (HandEvent event : hand.events()) {
            if (event instanceof HandEvent.StreetDealt) {
                fullRaise = hand.setup().stakes().minBet();
                highest = Money.ZERO;
                betFacedWhenActed.clear();
            } else if (event instanceof HandEvent.BlindPosted blind) {
                highest = highest.max(blind.amount());
            } else if (event instanceof HandEvent.Checked checked) {
                betFacedWhenActed.put(checked.seat(), highest);
            } else if (event instanceof HandEvent.Called called) {
                betFacedWhenActed.put(called.seat(), highest);
            } else if (event instanceof HandEvent.BetPlaced bet) {
                fullRaise = fullRaise.max(bet.amount());
                highest = bet.amount();
                betFacedWhenActed.put(bet.seat(), highest);
            } else if (event instanceof HandEvent.Raised raise) {
                fullRaise = fullRaise.max(raise.raisedTo().minus(highest));
                highest = raise.raisedTo();
                betFacedWhenActed.put(raise.seat(), highest);
            }
        }
        List<SeatView> seats = hand.seats();
        SeatView me = seats.stream().filter(s -> s.seat() == actor).findFirst().orElseThrow();
        Money owed = highest.minus(me.streetBet());
        Money toCall = owed.min(me.stack());
        boolean opponentCanCall = false;
        for (SeatView other : seats) {
            boolean canCallMore = other.stack().plus(other.streetBet()).isGreaterThan(highest);
            if (other.seat() != actor && !other.folded() && canCallMore) {
                opponentCanCall = true;
            }
        }
        Money faced = betFacedWhenActed.get(actor);
        boolean reopened = faced == null || !highest.minus(faced).isLessThan(fullRaise)
                || hand.setup().reopening() == Reopening.ANY_RAISE;
        boolean canRaise = me.stack().isGreaterThan(owed) && opponentCanCall && reopened;
        Money allIn = me.stack().plus(me.streetBet());
        Money minTo = highest.plus(fullRaise).min(allIn);
        Money maxTo = allIn;
        if (hand.setup().variant().betting() == BettingStructure.POT_LIMIT) {
            Money potAfterCalling = ChipTally.of(hand.events()).pot().plus(owed);
            maxTo = highest.plus(potAfterCalling).max(minTo).min(allIn);
        }
        return new LegalActions(actor, true, toCall.isZero(), toCall, canRaise, highest.isZero(),
                canRaise ? minTo : Money.ZERO, canRaise ? maxTo : Money.ZERO);
    }
}
