package io.chipledger.server.game.holdem;

import io.chipledger.server.game.Deck;
import java.util.ArrayList;
import java.util.List;

/**
 * Deals a hand from the top of a deck, in one fixed order the provably fair check relies on: each seat's hole cards
 * together (two in Texas hold'em, four in Omaha) from the one left of the button round to the button, then the board
 * as it comes due (flop, turn, river; no burn cards).
 */
public final class Dealer {

    private Dealer() {
    }

    /** Deals hole cards to every seat, then any board cards due (all-in before the flop); returns the events. */
    public static List<HandEvent> dealHoleCards(HoldemHand hand, Deck deck) {
        List<HandEvent> events = new ArrayList<>();
        int holeCards = hand.setup().variant().holeCards();
        for (int seat : hand.seatsAwaitingHoleCards()) {
            events.addAll(hand.handle(new HandCommand.DealHoleCards(seat, deck.deal(holeCards))));
        }
        dealDueBoardCards(hand, deck, events);
        return events;
    }

    /** Applies a player's (or the clock's) command, then deals whatever board cards are due; returns the events. */
    public static List<HandEvent> play(HoldemHand hand, Deck deck, HandCommand command) {
        List<HandEvent> events = new ArrayList<>(hand.handle(command));
        dealDueBoardCards(hand, deck, events);
        return events;
    }

    private static void dealDueBoardCards(HoldemHand hand, Deck deck, List<HandEvent> events) {
        while (!hand.isComplete() && hand.boardCardsNeeded() > 0) {
            events.addAll(hand.handle(new HandCommand.DealBoard(deck.deal(hand.boardCardsNeeded()))));
        }
    }
}
