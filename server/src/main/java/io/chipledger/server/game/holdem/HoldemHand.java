package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;
import io.chipledger.server.game.Card;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One hand of a hold'em game (Texas or Omaha, as its {@link Variant} says) from the forced bets to the last pot
 * awarded. Not thread-safe: its owner (the table actor, a replay) handles one command at a time. Cards come from the
 * caller, so a server deals from a shuffled {@link io.chipledger.server.game.Deck} and a replay feeds the cards of a
 * hand history.
 */
public final class HoldemHand {

    private final HandSetup setup;
    private final List<SeatState> seats = new ArrayList<>();
    private final List<HandEvent> log = new ArrayList<>();
    private final Set<Card> dealtCards = new HashSet<>();
    private final List<Card> board = new ArrayList<>();
    private Phase phase = Phase.AWAITING_HOLE_CARDS;
    private Street street = Street.PREFLOP;
    private BettingRound round;
    private SeatState lastAggressor;
    /** Betting is over with at most one player holding chips: the board is dealt out without betting. */
    private boolean runout;

    private HoldemHand(HandSetup setup) {
        this.setup = setup;
        for (int i = 0; i < setup.players().size(); i++) {
            seats.add(new SeatState(setup.players().get(i), i));
        }
    }

    /**
     * Starts a hand: posts antes, blinds and straddle; {@link #events()} then holds what that caused, and the hand
     * waits for hole cards ({@link HandCommand.DealHoleCards}) for every seat.
     */
    public static HoldemHand start(HandSetup setup) {
        HoldemHand hand = new HoldemHand(setup);
        hand.log.add(new HandEvent.HandStarted(setup.players(), setup.stakes()));
        hand.log.addAll(ForcedBets.post(hand.seats, setup.stakes()));
        return hand;
    }

    /**
     * Verifies then applies {@code command}.
     *
     * @return the events it caused, in order
     * @throws IllegalActionException with the reason when the command is not legal now; the hand is then unchanged
     */
    public List<HandEvent> handle(HandCommand command) {
        command.verify(this);
        List<HandEvent> events = List.copyOf(command.apply(this));
        log.addAll(events);
        return events;
    }

    /** Why {@code command} would be refused now, or empty when it is legal. Changes nothing. */
    public Optional<IllegalActionException> refusal(HandCommand command) {
        try {
            command.verify(this);
            return Optional.empty();
        } catch (IllegalActionException refused) {
            return Optional.of(refused);
        }
    }

    public List<HandEvent> events() {
        return List.copyOf(log);
    }

    public HandSetup setup() {
        return setup;
    }

    public Phase phase() {
        return phase;
    }

    public boolean isComplete() {
        return phase == Phase.COMPLETE;
    }

    public Street street() {
        return street;
    }

    public List<Card> board() {
        return List.copyOf(board);
    }

    /** The seat whose turn it is, if the hand is waiting for a player's action. */
    public OptionalInt actor() {
        SeatState actor = phase == Phase.AWAITING_ACTION ? round.actor() : null;
        return actor == null ? OptionalInt.empty() : OptionalInt.of(actor.seat);
    }

    /** What the player to act may do, if the hand is waiting for a player's action. */
    public Optional<LegalActions> legalActions() {
        if (phase != Phase.AWAITING_ACTION) {
            return Optional.empty();
        }
        SeatState actor = round.actor();
        Money toCall = round.toCall(actor);
        boolean canRaise = round.whyNoRaise(actor) == null;
        return Optional.of(new LegalActions(actor.seat, true, toCall.isZero(), toCall, canRaise,
                round.isOpen(), canRaise ? round.minRaiseTo(actor) : Money.ZERO,
                canRaise ? round.maxRaiseTo(actor) : Money.ZERO));
    }

    /** Seats still waiting for hole cards, in seat order from left of the button. */
    public List<Integer> seatsAwaitingHoleCards() {
        if (phase != Phase.AWAITING_HOLE_CARDS) {
            return List.of();
        }
        return seats.stream().filter(s -> s.holeCards.isEmpty()).map(s -> s.seat).toList();
    }

    /** How many cards the next {@link HandCommand.DealBoard} must bring, or 0 when no board card is expected. */
    public int boardCardsNeeded() {
        return phase == Phase.AWAITING_BOARD ? street.next().boardCards() : 0;
    }

    /** The pots gathered so far (without the current street's bets, which {@link #seats()} shows). */
    public List<Pot> pots() {
        return PotBuilder.build(seats, false);
    }

    public List<SeatView> seats() {
        return seats.stream().map(SeatState::view).toList();
    }

    public Money stack(int seat) {
        return seat(seat).stack;
    }

    // ---- used by the commands (same package) ----

    SeatState seat(int seatNumber) {
        for (SeatState seat : seats) {
            if (seat.seat == seatNumber) {
                return seat;
            }
        }
        throw new IllegalActionException(Refusal.UNKNOWN_SEAT, "nobody plays seat " + seatNumber + " in this hand");
    }

    void requirePhase(Phase expected, Refusal otherwise, String what) {
        if (phase == Phase.COMPLETE) {
            throw new IllegalActionException(Refusal.HAND_COMPLETE, "the hand is over");
        }
        if (phase != expected) {
            throw new IllegalActionException(otherwise, what + " now: the hand is " + describePhase());
        }
    }

    /** The seat whose turn it is, or a refusal naming whose turn it is instead. */
    SeatState requireActor(int seatNumber) {
        requirePhase(Phase.AWAITING_ACTION, Refusal.NOT_BETTING_NOW, "nobody can act");
        SeatState seat = seat(seatNumber);
        SeatState actor = round.actor();
        if (seat != actor) {
            throw new IllegalActionException(Refusal.NOT_YOUR_TURN,
                    "it is seat " + actor.seat + "'s turn, not seat " + seatNumber + "'s");
        }
        return seat;
    }

    void requireUnseen(List<Card> cards) {
        Set<Card> seen = new HashSet<>();
        for (Card card : cards) {
            if (card == null || dealtCards.contains(card) || !seen.add(card)) {
                throw new IllegalActionException(Refusal.CARD_ALREADY_DEALT, card + " is already dealt in this hand");
            }
        }
    }

    BettingRound round() {
        return round;
    }

    List<HandEvent> dealHoleCards(SeatState seat, List<Card> cards) {
        dealtCards.addAll(cards);
        seat.holeCards = List.copyOf(cards);
        List<HandEvent> events = new ArrayList<>();
        events.add(new HandEvent.HoleCardsDealt(seat.seat, cards));
        if (seats.stream().allMatch(s -> !s.holeCards.isEmpty())) {
            int opener = (ForcedBets.lastBlindPosition(seats, setup.stakes()) + 1) % seats.size();
            openRound(opener, events);
        }
        return events;
    }

    List<HandEvent> dealBoard(List<Card> cards) {
        dealtCards.addAll(cards);
        board.addAll(cards);
        street = street.next();
        List<HandEvent> events = new ArrayList<>();
        events.add(new HandEvent.StreetDealt(street, cards, board));
        if (!runout) {
            openRound(0, events);
        } else if (street == Street.RIVER) {
            settle(events);
        }
        return events;
    }

    /** Called after every betting action: closes the round when it is over and moves the hand on. */
    List<HandEvent> afterBetting(List<HandEvent> events) {
        if (!round.isOver()) {
            return events;
        }
        returnUncalledBet(events);
        lastAggressor = round.lastAggressor();
        round = null;
        for (SeatState seat : seats) {
            seat.streetBet = Money.ZERO;
        }
        long live = seats.stream().filter(SeatState::live).count();
        if (live == 1 || street == Street.RIVER) {
            settle(events);
        } else {
            if (seats.stream().filter(SeatState::canAct).count() <= 1) {
                runout = true;
                events.addAll(Settlement.table(showdownOrder()));
            }
            phase = Phase.AWAITING_BOARD;
        }
        return events;
    }

    private void openRound(int openerPosition, List<HandEvent> events) {
        round = new BettingRound(seats, openerPosition, setup.stakes().minBet(), setup.reopening(),
                setup.variant().betting(), street);
        phase = Phase.AWAITING_ACTION;
        afterBetting(events);
    }

    /** The part of the highest bet that no one else matched goes back to its owner. */
    private void returnUncalledBet(List<HandEvent> events) {
        SeatState top = null;
        Money second = Money.ZERO;
        for (SeatState seat : seats) {
            if (top == null || seat.streetBet.isGreaterThan(top.streetBet)) {
                if (top != null) {
                    second = second.max(top.streetBet);
                }
                top = seat;
            } else {
                second = second.max(seat.streetBet);
            }
        }
        Money excess = top.streetBet.minus(second);
        if (excess.isPositive()) {
            top.refund(excess, true);
            events.add(new HandEvent.UncalledBetReturned(top.seat, excess, top.stack));
        }
    }

    private void settle(List<HandEvent> events) {
        List<SeatState> order = seats.stream().filter(SeatState::live).count() > 1 ? showdownOrder() : List.of();
        Settlement settlement = new Settlement(seats, board, setup.variant().ranking());
        events.addAll(settlement.settle(setup.rake(), board.size() >= 3, order, setup.muckLosingHands() && !runout));
        phase = Phase.COMPLETE;
    }

    /** Live players from the last aggressor of the final round (or left of the button when nobody bet), clockwise. */
    private List<SeatState> showdownOrder() {
        int first = lastAggressor != null && lastAggressor.live() ? lastAggressor.position : 0;
        List<SeatState> order = new ArrayList<>();
        for (int i = 0; i < seats.size(); i++) {
            SeatState seat = seats.get((first + i) % seats.size());
            if (seat.live()) {
                order.add(seat);
            }
        }
        return order;
    }

    private String describePhase() {
        return switch (phase) {
            case AWAITING_HOLE_CARDS -> "waiting for hole cards";
            case AWAITING_ACTION -> "waiting for seat " + round.actor().seat + " to act";
            case AWAITING_BOARD -> "waiting for the " + street.next().name().toLowerCase() + " to be dealt";
            case COMPLETE -> "over";
        };
    }
}
