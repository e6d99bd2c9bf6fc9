package io.chipledger.server.game.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.chipledger.money.Money;
import io.chipledger.server.game.Card;
import io.chipledger.server.game.Deck;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Plays one hand from a seed: a {@link RandomTables} setup, a deck shuffled from the same seed, legal commands chosen
 * from {@link HoldemHand#legalActions()}, and between them commands that the phase and the legal actions say must be
 * refused. Every accepted command is followed by {@link HandInvariants#afterEveryCommand}; every refusal must leave the
 * hand exactly as it was. The commands played are kept so that a failure can show them.
 */
final class RandomHandPlayer {

    private static final int MAX_COMMANDS = 1_000;

    private final SplittableRandom random;
    private final List<String> played = new ArrayList<>();
    private HandSetup setup;
    private HoldemHand hand;
    private Deck deck;
    private Style style;
    private final Set<Card> dealt = new HashSet<>();
    private final EnumSet<Refusal> refusalsSeen = EnumSet.noneOf(Refusal.class);
    private int refusals;

    private RandomHandPlayer(long seed) {
        random = new SplittableRandom(seed);
    }

    /** What one random hand did, for the test's coverage figures. */
    record Played(HandSetup setup, HoldemHand hand, int refusals, EnumSet<Refusal> refusalsSeen) {
    }

    static Played play(long seed) {
        RandomHandPlayer player = new RandomHandPlayer(seed);
        try {
            player.playToTheEnd();
        } catch (AssertionError | RuntimeException failure) {
            throw new AssertionError("hand with seed " + seed + " failed (rerun it alone with -Dholdem.seed=" + seed
                    + "): " + failure.getMessage() + "\ncommands:\n  " + String.join("\n  ", player.played), failure);
        }
        return new Played(player.setup, player.hand, player.refusals, player.refusalsSeen);
    }

    private void playToTheEnd() {
        setup = RandomTables.setup(random);
        deck = new Deck(random);
        style = Style.values()[random.nextInt(Style.values().length)];
        played.add("start " + setup + ", played " + style);
        hand = HoldemHand.start(setup);
        HandInvariants.afterEveryCommand(hand);
        for (int commands = 0; !hand.isComplete(); commands++) {
            if (commands == MAX_COMMANDS) {
                fail("the hand did not finish after " + MAX_COMMANDS + " commands; it is " + hand.phase());
            }
            if (random.nextBoolean()) {
                tryIllegal();
            }
            accept(nextLegalCommand());
        }
        for (int i = 0; i < 3; i++) {
            tryIllegal();
        }
        HandInvariants.whenComplete(hand);
    }

    private HandCommand nextLegalCommand() {
        return switch (hand.phase()) {
            case AWAITING_HOLE_CARDS -> {
                List<Integer> waiting = hand.seatsAwaitingHoleCards();
                yield new HandCommand.DealHoleCards(waiting.get(random.nextInt(waiting.size())),
                        deal(setup.variant().holeCards()));
            }
            case AWAITING_BOARD -> new HandCommand.DealBoard(deal(hand.boardCardsNeeded()));
            case AWAITING_ACTION -> bettingAction(hand.legalActions().orElseThrow());
            case COMPLETE -> throw new IllegalStateException("the hand is over");
        };
    }

    private HandCommand bettingAction(LegalActions legal) {
        assertThat(hand.actor()).hasValue(legal.seat());
        assertThat(legal).as("legal actions").isEqualTo(BettingModel.legalActions(hand, legal.seat()));
        int seat = legal.seat();
        int roll = random.nextInt(100);
        if (legal.canBetOrRaise() && roll < style.raisePercent) {
            Money to = random.nextInt(100) < style.allInPercent ? legal.maxTo()
                    : random.nextBoolean() ? legal.minTo() : between(legal.minTo(), legal.maxTo());
            return legal.isBet() ? new HandCommand.Bet(seat, to) : new HandCommand.RaiseTo(seat, to);
        }
        if (legal.toCall().isPositive() && random.nextInt(100) < style.foldPercent) {
            return new HandCommand.Fold(seat);
        }
        return legal.canCheck() ? new HandCommand.Check(seat) : new HandCommand.Call(seat);
    }

    /** How the table plays this hand: from check-and-call to shoving, so both long streets and all-ins come up. */
    private enum Style {
        PASSIVE(5, 10, 25),
        REGULAR(20, 15, 35),
        MANIAC(45, 50, 15);

        final int raisePercent;
        final int allInPercent;
        final int foldPercent;

        Style(int raisePercent, int allInPercent, int foldPercent) {
            this.raisePercent = raisePercent;
            this.allInPercent = allInPercent;
            this.foldPercent = foldPercent;
        }
    }

    private void accept(HandCommand command) {
        played.add(command.toString());
        assertThat(hand.refusal(command)).as("refusal of the legal %s", command).isEmpty();
        List<HandEvent> events = hand.handle(command);
        assertThat(events).as("events of %s", command).isNotEmpty();
        assertThat(hand.events()).endsWith(events.toArray(HandEvent[]::new));
        HandInvariants.afterEveryCommand(hand);
    }

    /** A command that must be refused now, with the refusals it may get. */
    private record Illegal(HandCommand command, Set<Refusal> reasons) {
        Illegal(HandCommand command, Refusal reason, Refusal... others) {
            this(command, EnumSet.of(reason, others));
        }
    }

    private void tryIllegal() {
        List<Illegal> candidates = illegalCommands();
        Illegal illegal = candidates.get(random.nextInt(candidates.size()));
        played.add("(refused) " + illegal.command());
        IllegalActionException refusal = HandInvariants.assertRefusedWithoutChange(hand, illegal.command());
        assertThat(refusal.reason()).as("reason for refusing %s", illegal.command()).isIn(illegal.reasons());
        refusals++;
        refusalsSeen.add(refusal.reason());
    }

    private List<Illegal> illegalCommands() {
        List<Illegal> illegal = new ArrayList<>();
        int anySeat = setup.players().get(random.nextInt(setup.players().size())).seat();
        int noSeat = 12 + random.nextInt(100);
        Money amount = Money.ofCents(1 + random.nextLong(10_000));
        List<Card> unseen = unseen(5);
        switch (hand.phase()) {
            case COMPLETE -> {
                illegal.add(new Illegal(new HandCommand.Check(anySeat), Refusal.HAND_COMPLETE));
                illegal.add(new Illegal(new HandCommand.DealBoard(unseen.subList(0, 1)), Refusal.HAND_COMPLETE));
                illegal.add(new Illegal(new HandCommand.DealHoleCards(anySeat, unseen.subList(0, 2)),
                        Refusal.HAND_COMPLETE));
            }
            case AWAITING_HOLE_CARDS -> {
                List<Integer> waiting = hand.seatsAwaitingHoleCards();
                int waitingSeat = waiting.get(random.nextInt(waiting.size()));
                illegal.add(new Illegal(new HandCommand.Call(anySeat), Refusal.NOT_BETTING_NOW));
                illegal.add(new Illegal(new HandCommand.DealBoard(unseen.subList(0, 3)), Refusal.NOT_DEALING_BOARD));
                illegal.add(new Illegal(new HandCommand.DealHoleCards(noSeat, unseen.subList(0, 2)),
                        Refusal.UNKNOWN_SEAT));
                int holeCards = setup.variant().holeCards();
                illegal.add(new Illegal(new HandCommand.DealHoleCards(waitingSeat,
                        unseen.subList(0, holeCards + (random.nextBoolean() ? -1 : 1))), Refusal.WRONG_CARD_COUNT));
                List<Card> twice = new ArrayList<>(unseen.subList(0, holeCards - 1));
                twice.add(unseen.get(0));
                illegal.add(new Illegal(new HandCommand.DealHoleCards(waitingSeat, twice), Refusal.CARD_ALREADY_DEALT));
                if (!dealt.isEmpty()) {
                    List<Card> withADealtCard = new ArrayList<>(unseen.subList(0, holeCards - 1));
                    withADealtCard.add(random.nextInt(holeCards), aDealtCard());
                    illegal.add(new Illegal(new HandCommand.DealHoleCards(waitingSeat, withADealtCard),
                            Refusal.CARD_ALREADY_DEALT));
                }
                for (PlayerSeat player : setup.players()) {
                    if (!waiting.contains(player.seat())) {
                        illegal.add(new Illegal(new HandCommand.DealHoleCards(player.seat(), unseen.subList(0, 2)),
                                Refusal.HOLE_CARDS_ALREADY_DEALT));
                        break;
                    }
                }
            }
            case AWAITING_BOARD -> {
                int needed = hand.boardCardsNeeded();
                illegal.add(new Illegal(new HandCommand.Bet(anySeat, amount), Refusal.NOT_BETTING_NOW));
                illegal.add(new Illegal(new HandCommand.DealHoleCards(anySeat, unseen.subList(0, 2)),
                        Refusal.NOT_DEALING_HOLE_CARDS));
                illegal.add(new Illegal(new HandCommand.DealBoard(unseen.subList(0, needed == 1 ? 2 : 1)),
                        Refusal.WRONG_CARD_COUNT));
                List<Card> withADealtCard = new ArrayList<>(unseen.subList(0, needed - 1));
                withADealtCard.add(random.nextInt(withADealtCard.size() + 1), aDealtCard());
                illegal.add(new Illegal(new HandCommand.DealBoard(withADealtCard), Refusal.CARD_ALREADY_DEALT));
            }
            case AWAITING_ACTION -> bettingRefusals(hand.legalActions().orElseThrow(), illegal, amount, noSeat, unseen);
        }
        return illegal;
    }

    private void bettingRefusals(LegalActions legal, List<Illegal> illegal, Money amount, int noSeat,
                                 List<Card> unseen) {
        int actor = legal.seat();
        EnumSet<Refusal> noRaise = EnumSet.of(Refusal.ALREADY_COVERED, Refusal.NO_OPPONENT_CAN_CALL,
                Refusal.BETTING_NOT_REOPENED);
        illegal.add(new Illegal(new HandCommand.DealBoard(unseen.subList(0, 3)), Refusal.NOT_DEALING_BOARD));
        illegal.add(new Illegal(new HandCommand.DealHoleCards(actor, unseen.subList(0, 2)),
                Refusal.NOT_DEALING_HOLE_CARDS));
        illegal.add(new Illegal(new HandCommand.Fold(noSeat), Refusal.UNKNOWN_SEAT));
        for (PlayerSeat other : setup.players()) {
            if (other.seat() != actor && random.nextInt(3) == 0) {
                illegal.add(new Illegal(new HandCommand.Call(other.seat()), Refusal.NOT_YOUR_TURN));
            }
        }
        if (!legal.canCheck()) {
            illegal.add(new Illegal(new HandCommand.Check(actor), Refusal.CHECK_FACING_BET));
        } else {
            illegal.add(new Illegal(new HandCommand.Call(actor), Refusal.NOTHING_TO_CALL));
        }
        if (!legal.isBet()) {
            illegal.add(new Illegal(new HandCommand.Bet(actor, amount), Refusal.BET_ALREADY_OPEN));
        } else {
            illegal.add(new Illegal(new HandCommand.RaiseTo(actor, amount), Refusal.NO_BET_TO_RAISE));
        }
        if (!legal.canBetOrRaise()) {
            illegal.add(new Illegal(betOrRaise(legal, amount), noRaise));
        } else {
            Money below = legal.minTo().minus(Money.ofCents(1 + random.nextLong(legal.minTo().toCents() + 1)));
            illegal.add(new Illegal(betOrRaise(legal, below), Refusal.BELOW_MINIMUM));
            Money allIn = allInTo(actor);
            illegal.add(new Illegal(betOrRaise(legal, allIn.plus(Money.ofCents(1 + random.nextLong(1_000)))),
                    Refusal.MORE_THAN_STACK));
            if (legal.maxTo().isLessThan(allIn)) {
                illegal.add(new Illegal(betOrRaise(legal, between(legal.maxTo().plus(Money.CENT), allIn)),
                        Refusal.ABOVE_LIMIT));
            }
        }
    }

    /** The street total of the seat's whole stack. */
    private Money allInTo(int seat) {
        SeatView view = hand.seats().stream().filter(s -> s.seat() == seat).findFirst().orElseThrow();
        return view.stack().plus(view.streetBet());
    }

    private static HandCommand betOrRaise(LegalActions legal, Money to) {
        return legal.isBet() ? new HandCommand.Bet(legal.seat(), to) : new HandCommand.RaiseTo(legal.seat(), to);
    }

    private List<Card> deal(int count) {
        List<Card> cards = deck.deal(count);
        dealt.addAll(cards);
        return cards;
    }

    private Card aDealtCard() {
        List<Card> cards = new ArrayList<>(dealt);
        cards.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return cards.get(random.nextInt(cards.size()));
    }

    /** {@code count} distinct cards nobody has been dealt, without drawing them from the deck. */
    private List<Card> unseen(int count) {
        List<Card> cards = new ArrayList<>(count);
        while (cards.size() < count) {
            Card card = Card.of(random.nextInt(52));
            if (!dealt.contains(card) && !cards.contains(card)) {
                cards.add(card);
            }
        }
        return cards;
    }

    private Money between(Money low, Money high) {
        return Money.ofCents(low.toCents() + random.nextLong(high.toCents() - low.toCents() + 1));
    }
}
