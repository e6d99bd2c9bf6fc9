package io.chipledger.server.game.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.chipledger.money.Money;
import io.chipledger.server.game.Deck;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Pot-Limit Omaha on random betting sequences (quicktheories: a seed for the table and the deck, a list of choices
 * for the players, shrunk to a short failing sequence when something breaks). At every decision the largest legal bet
 * is the pot after calling, worked out here from the events alone, and one cent more is refused with
 * {@link Refusal#ABOVE_LIMIT} and a message naming the limit; other illegal bets are refused with their reason and
 * change nothing; after every command no chip has been made or lost.
 */
class PotLimitBettingPropertyTest {

    private static final long[] BIG_BLINDS = {2, 10, 20, 100, 200};

    @Test
    void theLargestBetIsThePotAfterCallingAndIllegalBetsAreRefusedWithAReasonWhileChipsAreConserved() {
        qt().withExamples(600)
                .forAll(longs().all(), lists().of(integers().between(0, 99)).ofSizeBetween(0, 60))
                .checkAssert(PotLimitBettingPropertyTest::play);
    }

    private static void play(long seed, List<Integer> choices) {
        SplittableRandom random = new SplittableRandom(seed);
        long bigBlind = BIG_BLINDS[random.nextInt(BIG_BLINDS.length)];
        int players = 2 + random.nextInt(5);
        List<PlayerSeat> seats = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            seats.add(new PlayerSeat(i + 1, Money.ofCents(1 + random.nextLong(150 * bigBlind))));
        }
        Stakes stakes = Stakes.blinds(Money.ofCents(bigBlind / 2), Money.ofCents(bigBlind));
        HoldemHand hand = HoldemHand.start(HandSetup.of(seats, stakes).withVariant(Variant.POT_LIMIT_OMAHA_HOLDEM));
        Money chips = seats.stream().map(PlayerSeat::stack).reduce(Money.ZERO, Money::plus);
        Deck deck = new Deck(random);
        Dealer.dealHoleCards(hand, deck);
        int next = 0;
        while (!hand.isComplete()) {
            LegalActions legal = hand.legalActions().orElseThrow();
            assertPotLimit(hand, legal);
            refuseIllegalBets(hand, legal);
            int choice = next < choices.size() ? choices.get(next++) : 50;
            Dealer.play(hand, deck, command(legal, choice, random));
            assertConserved(hand, chips);
        }
        assertThat(ChipTally.of(hand.events()).pot()).isEqualTo(Money.ZERO);
    }

    /** The limit from the outside: the chips the events put in the middle, plus the call, on top of the highest bet. */
    private static void assertPotLimit(HoldemHand hand, LegalActions legal) {
        if (!legal.canBetOrRaise()) {
            return;
        }
        Money highest = hand.seats().stream().map(SeatView::streetBet).reduce(Money.ZERO, Money::max);
        SeatView me = seat(hand, legal.seat());
        Money middle = ChipTally.of(hand.events()).pot();
        Money potLimit = highest.plus(middle).plus(highest.minus(me.streetBet()));
        Money allIn = me.stack().plus(me.streetBet());
        assertThat(legal.maxTo()).as("largest bet of seat %s, %s in the middle", legal.seat(), middle)
                .isEqualTo(potLimit.max(legal.minTo()).min(allIn));
    }

    private static void refuseIllegalBets(HoldemHand hand, LegalActions legal) {
        int seat = legal.seat();
        SeatView me = seat(hand, seat);
        Money allIn = me.stack().plus(me.streetBet());
        if (legal.canBetOrRaise() && legal.maxTo().isLessThan(allIn)) {
            IllegalActionException refused = HandInvariants.assertRefusedWithoutChange(hand,
                    betOrRaise(legal, legal.maxTo().plus(Money.CENT)));
            assertThat(refused.reason()).isEqualTo(Refusal.ABOVE_LIMIT);
            assertThat(refused.getMessage()).contains("pot limit").contains(legal.maxTo().toString());
        }
        if (legal.canBetOrRaise()) {
            assertThat(HandInvariants.assertRefusedWithoutChange(hand, betOrRaise(legal, allIn.plus(Money.CENT)))
                    .reason()).isEqualTo(Refusal.MORE_THAN_STACK);
            if (legal.minTo().isLessThan(allIn)) {
                assertThat(HandInvariants.assertRefusedWithoutChange(hand,
                        betOrRaise(legal, legal.minTo().minus(Money.CENT))).reason()).isEqualTo(Refusal.BELOW_MINIMUM);
            }
        }
        for (SeatView other : hand.seats()) {
            if (other.seat() != seat) {
                assertThat(HandInvariants.assertRefusedWithoutChange(hand, new HandCommand.RaiseTo(other.seat(),
                        legal.maxTo().max(Money.CENT))).reason()).isEqualTo(Refusal.NOT_YOUR_TURN);
                break;
            }
        }
    }

    /** 0-14 fold, 15-54 check or call, 55-74 the pot, 75-86 the minimum, the rest anything in between. */
    private static HandCommand command(LegalActions legal, int choice, SplittableRandom random) {
        int seat = legal.seat();
        if (choice < 15 && legal.toCall().isPositive()) {
            return new HandCommand.Fold(seat);
        }
        if (choice >= 55 && legal.canBetOrRaise()) {
            long low = legal.minTo().toCents();
            long high = legal.maxTo().toCents();
            Money to = choice < 75 ? legal.maxTo() : choice < 87 ? legal.minTo()
                    : Money.ofCents(low + random.nextLong(high - low + 1));
            return betOrRaise(legal, to);
        }
        return legal.canCheck() ? new HandCommand.Check(seat) : new HandCommand.Call(seat);
    }

    private static void assertConserved(HoldemHand hand, Money chips) {
        ChipTally tally = ChipTally.of(hand.events());
        Money stacks = hand.seats().stream().map(SeatView::stack).reduce(Money.ZERO, Money::plus);
        assertThat(tally.total()).as("chips made or lost by the events").isEqualTo(Money.ZERO);
        assertThat(stacks.plus(tally.pot())).as("stacks plus the pot").isEqualTo(chips);
    }

    private static HandCommand betOrRaise(LegalActions legal, Money to) {
        return legal.isBet() ? new HandCommand.Bet(legal.seat(), to) : new HandCommand.RaiseTo(legal.seat(), to);
    }

    private static SeatView seat(HoldemHand hand, int seat) {
        return hand.seats().stream().filter(s -> s.seat() == seat).findFirst().orElseThrow();
    }
}
