package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;
import io.chipledger.server.game.Card;
import io.chipledger.server.game.eval.HandCategory;
import java.util.List;

/**
 * What happened in a hand, in order. Events that move chips implement {@link ChipMovement}, and those that move a
 * seat's chips say the seat's stack after them ({@link StackChange}), so no reader works stacks out again; the rest
 * (cards, checks, folds, shows) only inform. {@link HoleCardsDealt} is private to its seat: whoever publishes events must route it.
 */
public sealed interface HandEvent {

    /** The hand began with these players (seat order from left of the button) and stakes. */
    record HandStarted(List<PlayerSeat> players, Stakes stakes) implements HandEvent {
        public HandStarted {
            players = List.copyOf(players);
        }
    }

    /** An ante went from the seat's stack into the pot; {@code dead} for a big-blind ante. */
    record AntePosted(int seat, Money amount, boolean dead, boolean allIn, Money stackAfter)
            implements HandEvent, StackChange {
        @Override
        public ChipAccount from() {
            return ChipAccount.seat(seat);
        }

        @Override
        public ChipAccount to() {
            return ChipAccount.POT;
        }
    }

    /** A blind or straddle went from the seat's stack into the pot (less than the full blind when all-in). */
    record BlindPosted(int seat, Blind blind, Money amount, boolean allIn, Money stackAfter)
            implements HandEvent, StackChange {
        @Override
        public ChipAccount from() {
            return ChipAccount.seat(seat);
        }

        @Override
        public ChipAccount to() {
            return ChipAccount.POT;
        }
    }

    record HoleCardsDealt(int seat, List<Card> cards) implements HandEvent {
        public HoleCardsDealt {
            cards = List.copyOf(cards);
        }
    }

    /** {@code cards} opened {@code street}; {@code board} is the whole board after it. */
    record StreetDealt(Street street, List<Card> cards, List<Card> board) implements HandEvent {
        public StreetDealt {
            cards = List.copyOf(cards);
            board = List.copyOf(board);
        }
    }

    record Folded(int seat) implements HandEvent {
    }

    record Checked(int seat) implements HandEvent {
    }

    /** {@code amount} is what the call moved now (less than the bet when all-in for less). */
    record Called(int seat, Money amount, boolean allIn, Money stackAfter) implements HandEvent, StackChange {
        @Override
        public ChipAccount from() {
            return ChipAccount.seat(seat);
        }

        @Override
        public ChipAccount to() {
            return ChipAccount.POT;
        }
    }

    /** The first bet of a street after the flop; {@code amount} is the whole bet. */
    record BetPlaced(int seat, Money amount, boolean allIn, Money stackAfter) implements HandEvent, StackChange {
        @Override
        public ChipAccount from() {
            return ChipAccount.seat(seat);
        }

        @Override
        public ChipAccount to() {
            return ChipAccount.POT;
        }
    }

    /** A raise to a street total of {@code raisedTo}; {@code amount} is what it moved now (less what was already in). */
    record Raised(int seat, Money raisedTo, Money amount, boolean allIn, Money stackAfter)
            implements HandEvent, StackChange {
        @Override
        public ChipAccount from() {
            return ChipAccount.seat(seat);
        }

        @Override
        public ChipAccount to() {
            return ChipAccount.POT;
        }
    }

    /** The part of a bet (or ante) nobody matched went back to its owner at the end of the round. */
    record UncalledBetReturned(int seat, Money amount, Money stackAfter) implements HandEvent, StackChange {
        @Override
        public ChipAccount from() {
            return ChipAccount.POT;
        }

        @Override
        public ChipAccount to() {
            return ChipAccount.seat(seat);
        }
    }

    /** Betting is over with a player all-in: every live hand is turned face up before the board is finished. */
    record HandTabled(int seat, List<Card> cards) implements HandEvent {
        public HandTabled {
            cards = List.copyOf(cards);
        }
    }

    /** A hand shown at showdown, with the best five-card category it makes with the board. */
    record HandShown(int seat, List<Card> cards, HandCategory category, int strength) implements HandEvent {
        public HandShown {
            cards = List.copyOf(cards);
        }
    }

    record HandMucked(int seat) implements HandEvent {
    }

    /** The house's cut, taken from pot {@code potIndex} (0 is the main pot). */
    record RakeTaken(int potIndex, Money amount) implements HandEvent, ChipMovement {
        @Override
        public ChipAccount from() {
            return ChipAccount.POT;
        }

        @Override
        public ChipAccount to() {
            return ChipAccount.HOUSE;
        }
    }

    /** A share of pot {@code potIndex} (0 is the main pot); {@code oddCent} when it includes one leftover cent. */
    record PotAwarded(int potIndex, int seat, Money amount, boolean oddCent, Money stackAfter)
            implements HandEvent, StackChange {
        @Override
        public ChipAccount from() {
            return ChipAccount.POT;
        }

        @Override
        public ChipAccount to() {
            return ChipAccount.seat(seat);
        }
    }

    /** The hand is over; {@code stacks} are final, in the hand's seat order. */
    record HandEnded(List<FinalStack> stacks) implements HandEvent {
        public HandEnded {
            stacks = List.copyOf(stacks);
        }
    }
}
