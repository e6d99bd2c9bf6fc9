package io.chipledger.server.admin;

import io.chipledger.money.Money;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HistoryEvent;
import io.chipledger.server.history.record.SeatRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a recorded hand event by event, for an operator investigating it: after each step, what was said, the board,
 * the pot and every seat's stack and cards (all of them: operators see every card). The arithmetic is Money's, here on
 * the server, so the page shows amounts and never computes them. The replayed final stacks are compared with the
 * recorded ones, which are the ledger's.
 */
final class HandReplay {

    /** One step: the event's text and the table as it stood after it. */
    record Step(int step, String type, Integer seat, String text, Money amount, Long transferId, List<String> board,
                Money pot, List<SeatState> seats) {
    }

    record SeatState(int seat, String player, Money stack, List<String> cards, boolean folded) {
    }

    /** The steps, and whether replaying the events reaches every recorded final stack. */
    record Replay(List<Step> steps, boolean stacksAgree) {
    }

    private final HandHistory hand;
    private final Map<Integer, Money> stacks = new LinkedHashMap<>();
    private final Map<Integer, List<String>> cards = new LinkedHashMap<>();
    private final Set<Integer> folded = new HashSet<>();
    private final List<String> board = new ArrayList<>();
    private Money pot = Money.ZERO;

    private HandReplay(HandHistory hand) {
        this.hand = hand;
        for (SeatRecord seat : hand.seats()) {
            stacks.put(seat.seat(), seat.startingStack());
            cards.put(seat.seat(), null); // until the step that deals them
        }
    }

    static Replay of(HandHistory hand) {
        return new HandReplay(hand).replay();
    }

    private Replay replay() {
        List<Step> steps = new ArrayList<>();
        for (HistoryEvent event : hand.events()) {
            String text = apply(event);
            Integer seat = event instanceof HistoryEvent.OfSeat ofSeat ? ofSeat.seat() : null;
            Money amount = event instanceof HistoryEvent.Chips chips ? chips.amount() : null;
            Long transfer = event instanceof HistoryEvent.Chips chips ? chips.transferId() : null;
            steps.add(new Step(steps.size() + 1, typeOf(event), seat, text, amount, transfer, List.copyOf(board), pot, seatStates()));
        }
        boolean agree = hand.seats().stream().allMatch(s -> s.finalStack() == null || s.finalStack().equals(stacks.get(s.seat())));
        return new Replay(steps, agree);
    }

    private String apply(HistoryEvent event) {
        if (event instanceof HistoryEvent.AntePosted e) {
            return intoPot(e.seat(), e.amount(), "posts an ante of " + e.amount(), e.allIn());
        } else if (event instanceof HistoryEvent.BlindPosted e) {
            return intoPot(e.seat(), e.amount(), "posts the " + e.blind().toLowerCase() + " blind of " + e.amount(), e.allIn());
        } else if (event instanceof HistoryEvent.Called e) {
            return intoPot(e.seat(), e.amount(), "calls " + e.amount(), e.allIn());
        } else if (event instanceof HistoryEvent.Bet e) {
            return intoPot(e.seat(), e.amount(), "bets " + e.amount(), e.allIn());
        } else if (event instanceof HistoryEvent.Raised e) {
            return intoPot(e.seat(), e.amount(), "raises to " + e.to() + " (puts in " + e.amount() + ")", e.allIn());
        } else if (event instanceof HistoryEvent.UncalledBetReturned e) {
            outOfPot(e.seat(), e.amount());
            return name(e.seat()) + " gets back an uncalled " + e.amount();
        } else if (event instanceof HistoryEvent.PotAwarded e) {
            outOfPot(e.seat(), e.amount());
            return name(e.seat()) + " wins " + e.amount() + " from " + (e.pot() == 0 ? "the main pot" : "side pot " + e.pot())
                    + (e.oddCent() ? " (with an odd cent)" : "");
        } else if (event instanceof HistoryEvent.Refunded e) {
            outOfPot(e.seat(), e.amount());
            return name(e.seat()) + " is refunded " + e.amount() + " (hand voided)";
        } else if (event instanceof HistoryEvent.RakeTaken e) {
            pot = pot.minus(e.amount());
            return "the house takes " + e.amount() + " rake";
        } else if (event instanceof HistoryEvent.HoleCardsDealt e) {
            cards.put(e.seat(), e.cards());
            return name(e.seat()) + " is dealt " + (e.cards() == null ? "two cards" : String.join(" ", e.cards()));
        } else if (event instanceof HistoryEvent.StreetDealt e) {
            board.addAll(e.cards());
            return e.street().toLowerCase() + ": " + String.join(" ", e.cards());
        } else if (event instanceof HistoryEvent.Folded e) {
            folded.add(e.seat());
            return name(e.seat()) + " folds";
        } else if (event instanceof HistoryEvent.Checked e) {
            return name(e.seat()) + " checks";
        } else if (event instanceof HistoryEvent.HandTabled e) {
            return name(e.seat()) + " tables " + String.join(" ", e.cards());
        } else if (event instanceof HistoryEvent.HandShown e) {
            return name(e.seat()) + " shows " + String.join(" ", e.cards()) + (e.handName() == null ? "" : " (" + e.handName() + ")");
        } else if (event instanceof HistoryEvent.HandMucked e) {
            return name(e.seat()) + " mucks";
        }
        return typeOf(event);
    }

    private String intoPot(int seat, Money amount, String what, boolean allIn) {
        stacks.computeIfPresent(seat, (s, stack) -> stack.minus(amount));
        pot = pot.plus(amount);
        return name(seat) + " " + what + (allIn ? " and is all-in" : "");
    }

    private void outOfPot(int seat, Money amount) {
        stacks.computeIfPresent(seat, (s, stack) -> stack.plus(amount));
        pot = pot.minus(amount);
    }

    private String name(int seat) {
        return hand.playerAt(seat);
    }

    private List<SeatState> seatStates() {
        List<SeatState> states = new ArrayList<>();
        for (SeatRecord seat : hand.seats()) {
            states.add(new SeatState(seat.seat(), seat.player(), stacks.get(seat.seat()), cards.get(seat.seat()),
                    folded.contains(seat.seat())));
        }
        return states;
    }

    private static String typeOf(HistoryEvent event) {
        String simple = event.getClass().getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }
}
