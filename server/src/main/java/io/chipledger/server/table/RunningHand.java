package io.chipledger.server.table;

import io.chipledger.server.game.Card;
import io.chipledger.server.game.Deck;
import io.chipledger.server.game.holdem.HandCommand;
import io.chipledger.server.game.holdem.HandEvent;
import io.chipledger.server.game.holdem.HoldemHand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand a table is playing: the engine's state, the deck it deals from, and what the table needs around it (its
 * id, how many commands it has posted, whose clock is running).
 */
final class RunningHand {

    final long id;
    final HoldemHand hand;
    final Deck deck;
    final HandNarrator narrator;
    /** Numbers the hand's postings: their idempotency keys are {@code t<table>-h<hand>-<n>}. */
    private int postings;
    /** Increases with each turn so a stale timer can tell it is stale. */
    int turn;
    TableTimer.Cancellable clock;
    Instant turnStarted;
    boolean inTimeBank;

    RunningHand(long id, HoldemHand hand, Deck deck) {
        this.id = id;
        this.hand = hand;
        this.deck = deck;
        this.narrator = new HandNarrator(hand.setup().players());
    }

    String nextPostingKey(long tableId) {
        return "t" + tableId + "-h" + id + "-" + (++postings);
    }

    /** Applies a player's (or the clock's) command, then deals whatever board cards are due. */
    List<HandEvent> play(HandCommand command) {
        List<HandEvent> events = new ArrayList<>(hand.handle(command));
        dealDueBoardCards(events);
        return events;
    }

    /** Deals hole cards to every seat, then any board cards due (all-in before the flop). */
    List<HandEvent> dealHoleCards() {
        List<HandEvent> events = new ArrayList<>();
        for (int seat : hand.seatsAwaitingHoleCards()) {
            events.addAll(hand.handle(new HandCommand.DealHoleCards(seat, deck.deal(2))));
        }
        dealDueBoardCards(events);
        return events;
    }

    private void dealDueBoardCards(List<HandEvent> events) {
        while (!hand.isComplete() && hand.boardCardsNeeded() > 0) {
            events.addAll(hand.handle(new HandCommand.DealBoard(deck.deal(hand.boardCardsNeeded()))));
        }
    }

    /** The seat's hole cards, as dealt (empty before the deal). */
    List<Card> holeCards(int seat) {
        for (HandEvent event : hand.events()) {
            if (event instanceof HandEvent.HoleCardsDealt dealt && dealt.seat() == seat) {
                return dealt.cards();
            }
        }
        return List.of();
    }

    void stopClock() {
        if (clock != null) {
            clock.cancel();
            clock = null;
        }
    }
}
