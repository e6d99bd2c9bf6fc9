package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;
import io.chipledger.server.game.Card;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a player or the dealer tells a hand to do. {@link #verify} throws an {@link IllegalActionException} saying why
 * the command is not legal now and changes nothing; {@link #apply} (only after a successful verify, as
 * {@link HoldemHand#handle} does) changes the hand and returns the events it caused.
 */
public sealed interface HandCommand {

    void verify(HoldemHand hand);

    List<HandEvent> apply(HoldemHand hand);

    /** The dealer gives a player their hole cards: as many as the variant deals (two in Texas, four in Omaha). */
    record DealHoleCards(int seat, List<Card> cards) implements HandCommand {
        public DealHoleCards {
            cards = List.copyOf(cards);
        }

        @Override
        public void verify(HoldemHand hand) {
            hand.requirePhase(Phase.AWAITING_HOLE_CARDS, Refusal.NOT_DEALING_HOLE_CARDS, "no hole cards can be dealt");
            if (!hand.seat(seat).holeCards.isEmpty()) {
                throw new IllegalActionException(Refusal.HOLE_CARDS_ALREADY_DEALT, "seat " + seat + " already has cards");
            }
            int dealt = hand.setup().variant().holeCards();
            if (cards.size() != dealt) {
                throw new IllegalActionException(Refusal.WRONG_CARD_COUNT,
                        "a player gets " + dealt + " hole cards in this game, not " + cards.size());
            }
            hand.requireUnseen(cards);
        }

        @Override
        public List<HandEvent> apply(HoldemHand hand) {
            return hand.dealHoleCards(hand.seat(seat), cards);
        }
    }

    /** The dealer turns the next street's cards: three for the flop, one for the turn or river. */
    record DealBoard(List<Card> cards) implements HandCommand {
        public DealBoard {
            cards = List.copyOf(cards);
        }

        @Override
        public void verify(HoldemHand hand) {
            hand.requirePhase(Phase.AWAITING_BOARD, Refusal.NOT_DEALING_BOARD, "no board card can be dealt");
            if (cards.size() != hand.boardCardsNeeded()) {
                throw new IllegalActionException(Refusal.WRONG_CARD_COUNT, "the " + hand.street().next().name()
                        .toLowerCase() + " is " + hand.boardCardsNeeded() + " card(s), not " + cards.size());
            }
            hand.requireUnseen(cards);
        }

        @Override
        public List<HandEvent> apply(HoldemHand hand) {
            return hand.dealBoard(cards);
        }
    }

    /**
     * Gives up the hand. Legal even when checking is free, as in the rooms players know (the page asks them to confirm
     * then); pokerkit alone refuses such a fold.
     */
    record Fold(int seat) implements HandCommand {
        @Override
        public void verify(HoldemHand hand) {
            hand.requireActor(seat);
        }

        @Override
        public List<HandEvent> apply(HoldemHand hand) {
            hand.round().folded(hand.seat(seat));
            return hand.afterBetting(events(new HandEvent.Folded(seat)));
        }
    }

    record Check(int seat) implements HandCommand {
        @Override
        public void verify(HoldemHand hand) {
            SeatState actor = hand.requireActor(seat);
            Money toCall = hand.round().toCall(actor);
            if (toCall.isPositive()) {
                throw new IllegalActionException(Refusal.CHECK_FACING_BET,
                        "seat " + seat + " faces a bet: call " + toCall + ", raise or fold");
            }
        }

        @Override
        public List<HandEvent> apply(HoldemHand hand) {
            hand.round().checkedOrCalled(hand.seat(seat));
            return hand.afterBetting(events(new HandEvent.Checked(seat)));
        }
    }

    /** Matches the highest bet, or puts in the whole stack when that is less. */
    record Call(int seat) implements HandCommand {
        @Override
        public void verify(HoldemHand hand) {
            SeatState actor = hand.requireActor(seat);
            if (hand.round().toCall(actor).isZero()) {
                throw new IllegalActionException(Refusal.NOTHING_TO_CALL, "seat " + seat + " faces no bet; check instead");
            }
        }

        @Override
        public List<HandEvent> apply(HoldemHand hand) {
            SeatState actor = hand.seat(seat);
            Money amount = hand.round().toCall(actor);
            actor.commit(amount, true);
            hand.round().checkedOrCalled(actor);
            return hand.afterBetting(events(new HandEvent.Called(seat, amount, !actor.hasChips(), actor.stack)));
        }
    }

    /** Opens the betting of a street with a bet of {@code amount}. */
    record Bet(int seat, Money amount) implements HandCommand {
        public Bet {
            Objects.requireNonNull(amount, "amount");
        }

        @Override
        public void verify(HoldemHand hand) {
            SeatState actor = hand.requireActor(seat);
            if (!hand.round().isOpen()) {
                throw new IllegalActionException(Refusal.BET_ALREADY_OPEN,
                        "there is already a bet of " + hand.round().highestBet() + "; raise instead");
            }
            verifyRaiseTo(hand, actor, amount);
        }

        @Override
        public List<HandEvent> apply(HoldemHand hand) {
            SeatState actor = hand.seat(seat);
            actor.commit(amount, true);
            hand.round().raisedTo(actor, amount);
            return hand.afterBetting(events(new HandEvent.BetPlaced(seat, amount, !actor.hasChips(), actor.stack)));
        }
    }

    /** Raises the highest bet of the street to a total of {@code to} for this player. */
    record RaiseTo(int seat, Money to) implements HandCommand {
        public RaiseTo {
            Objects.requireNonNull(to, "to");
        }

        @Override
        public void verify(HoldemHand hand) {
            SeatState actor = hand.requireActor(seat);
            if (hand.round().isOpen()) {
                throw new IllegalActionException(Refusal.NO_BET_TO_RAISE, "nobody has bet on this street; bet instead");
            }
            verifyRaiseTo(hand, actor, to);
        }

        @Override
        public List<HandEvent> apply(HoldemHand hand) {
            SeatState actor = hand.seat(seat);
            Money moved = to.minus(actor.streetBet);
            actor.commit(moved, true);
            hand.round().raisedTo(actor, to);
            return hand.afterBetting(events(new HandEvent.Raised(seat, to, moved, !actor.hasChips(), actor.stack)));
        }
    }

    private static void verifyRaiseTo(HoldemHand hand, SeatState actor, Money to) {
        BettingRound round = hand.round();
        Refusal noRaise = round.whyNoRaise(actor);
        if (noRaise != null) {
            throw new IllegalActionException(noRaise, switch (noRaise) {
                case ALREADY_COVERED -> "seat " + actor.seat + " has no chips beyond the call of " + round.toCall(actor);
                case NO_OPPONENT_CAN_CALL -> "every other player has folded or is all-in";
                default -> "an all-in for less than a full raise did not reopen the betting for seat " + actor.seat
                        + ", who has already acted: call or fold";
            });
        }
        Money allIn = round.allInTo(actor);
        if (to.isGreaterThan(allIn)) {
            throw new IllegalActionException(Refusal.MORE_THAN_STACK,
                    to + " is more than seat " + actor.seat + " has (at most " + allIn + " in total this street)");
        }
        Money max = round.maxRaiseTo(actor);
        if (to.isGreaterThan(max)) {
            throw new IllegalActionException(Refusal.ABOVE_LIMIT, to + " is above the "
                    + (round.betting() == BettingStructure.POT_LIMIT ? "pot limit" : "limit") + ": seat " + actor.seat
                    + " may bet or raise to at most " + max + " in total this street");
        }
        Money min = round.minRaiseTo(actor);
        if (to.isLessThan(min)) {
            throw new IllegalActionException(Refusal.BELOW_MINIMUM, to + " is below the minimum of " + min);
        }
    }

    private static List<HandEvent> events(HandEvent first) {
        List<HandEvent> events = new ArrayList<>();
        events.add(first);
        return events;
    }
}
