package io.chipledger.server.game.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.chipledger.money.Money;
import io.chipledger.money.RakeRule;
import io.chipledger.server.game.Card;
import io.chipledger.server.game.eval.HandEvaluator;
import io.chipledger.server.game.eval.ReferenceEvaluator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What must hold of any hand, checked from the outside. After every command: chips are only moved, never made or lost,
 * every event that moves a seat's chips states the stack they leave, no stack is negative, and the pots plus the street bets are the whole pot. When the hand is over: the pot is empty,
 * each stack is its starting stack less what it put in plus what it won, both taken from the events alone ({@link
 * EventLedger}); no unmatched chips stayed in; each pot's winners differ by at most the one odd cent, which goes to the
 * first of them left of the button; hands are shown in showdown order; and (without rake) every seat won what its side
 * pots are worth by the {@link ReferenceEvaluator} (two hole cards and three board cards in Omaha).
 */
final class HandInvariants {

    private HandInvariants() {
    }

    /** Runs after every command of every random hand, so it checks with plain comparisons and fails with a message. */
    static void afterEveryCommand(HoldemHand hand) {
        ChipTally tally = ChipTally.of(hand.events());
        Money inPlay = Money.ZERO;
        Money onStreets = Money.ZERO;
        Money committed = Money.ZERO;
        for (SeatView seat : hand.seats()) {
            check(!seat.stack().isNegative(), "seat %s has a negative stack: %s", seat.seat(), seat.stack());
            check(!seat.streetBet().isNegative() && !seat.streetBet().isGreaterThan(seat.committed()),
                    "seat %s bet %s this street of %s committed", seat.seat(), seat.streetBet(), seat.committed());
            boolean allIn = !seat.folded() && seat.stack().isZero();
            check(seat.allIn() == allIn, "seat %s all-in flag: %s", seat.seat(), seat);
            Money net = seat.stack().minus(startingStack(hand, seat.seat()));
            check(tally.seat(seat.seat()).equals(net), "the events move %s for seat %s, its stack moved %s",
                    tally.seat(seat.seat()), seat.seat(), net);
            inPlay = inPlay.plus(seat.stack());
            onStreets = onStreets.plus(seat.streetBet());
            committed = committed.plus(seat.committed());
        }
        checkStatedStacks(hand);
        Money total = inPlay.plus(tally.pot()).plus(tally.rake());
        check(total.equals(totalStartingStacks(hand)), "stacks %s + pot %s + rake %s is not the %s the hand began with",
                inPlay, tally.pot(), tally.rake(), totalStartingStacks(hand));
        if (!hand.isComplete()) {
            List<Pot> pots = hand.pots();
            Money gathered = pots.stream().map(Pot::amount).reduce(Money.ZERO, Money::plus);
            check(gathered.plus(onStreets).equals(tally.pot()), "pots %s plus street bets %s are not the pot %s",
                    pots, onStreets, tally.pot());
            check(committed.equals(tally.pot()), "seats committed %s, the pot holds %s", committed, tally.pot());
        }
    }

    /**
     * Every event that moves a seat's chips states the stack the seat is left with: the starting stack plus the
     * movements so far, and the seat's stack now for its latest one.
     */
    private static void checkStatedStacks(HoldemHand hand) {
        Map<Integer, Money> running = new HashMap<>();
        for (SeatView seat : hand.seats()) {
            running.put(seat.seat(), startingStack(hand, seat.seat()));
        }
        for (HandEvent event : hand.events()) {
            if (event instanceof StackChange change) {
                Money moved = change.to() instanceof ChipAccount.SeatStack ? change.amount() : change.amount().negate();
                Money after = running.merge(change.seat(), moved, Money::plus);
                check(change.stackAfter().equals(after), "%s states a stack of %s, the movements leave %s", event,
                        change.stackAfter(), after);
            }
        }
        for (SeatView seat : hand.seats()) {
            check(running.get(seat.seat()).equals(seat.stack()), "seat %s: the events state %s, its stack is %s",
                    seat.seat(), running.get(seat.seat()), seat.stack());
        }
    }

    private static void check(boolean holds, String problem, Object... args) {
        if (!holds) {
            fail(String.format(problem, args));
        }
    }

    static void whenComplete(HoldemHand hand) {
        ChipTally tally = ChipTally.of(hand.events());
        assertThat(tally.pot()).as("chips left in the pot").isEqualTo(Money.ZERO);
        assertThat(tally.total()).as("chips made or lost").isEqualTo(Money.ZERO);
        assertThat(hand.pots()).as("pots of a finished hand").isEmpty();
        EventLedger ledger = EventLedger.of(hand.events());
        HandEvent last = hand.events().get(hand.events().size() - 1);
        assertThat(last).as("last event").isInstanceOf(HandEvent.HandEnded.class);
        Map<Integer, Money> ended = new HashMap<>();
        for (FinalStack stack : ((HandEvent.HandEnded) last).stacks()) {
            ended.put(stack.seat(), stack.stack());
        }
        Money awarded = Money.ZERO;
        for (PlayerSeat player : hand.setup().players()) {
            int seat = player.seat();
            Money expected = player.stack().minus(ledger.contributed(seat)).plus(ledger.won(seat));
            assertThat(ended.get(seat)).as("HandEnded stack of seat %s", seat).isEqualTo(expected);
            assertThat(hand.stack(seat)).as("stack of seat %s", seat).isEqualTo(expected);
            awarded = awarded.plus(ledger.won(seat));
        }
        assertThat(awarded.plus(ledger.rake())).as("awarded + rake").isEqualTo(ledger.totalContributed());
        if (hand.setup().rake().equals(RakeRule.NONE)) {
            assertThat(ledger.rake()).isEqualTo(Money.ZERO);
        }
        uncalledChipsWentBack(hand, ledger);
        oddCentsFollowRobertsRules(hand, ledger);
        showdownIsConsistent(hand, ledger);
        if (ledger.rake().isZero()) {
            everySeatWonWhatItsSidePotsAreWorth(hand, ledger);
        }
    }

    /**
     * Chips nobody matched (a bet everyone folded to, an ante the others were too short for) go back to their owner,
     * so the largest live contribution always equals the second largest: no one can win back their own chips as a pot.
     */
    private static void uncalledChipsWentBack(HoldemHand hand, EventLedger ledger) {
        List<Long> contributions = new ArrayList<>();
        for (PlayerSeat player : hand.setup().players()) {
            contributions.add(ledger.liveContribution(player.seat()));
        }
        contributions.sort(null);
        int n = contributions.size();
        assertThat(contributions.get(n - 1)).as("largest contribution in cents, of %s", contributions)
                .isEqualTo(contributions.get(n - 2));
    }

    /**
     * Within one pot every winner gets the same plain share, and the leftover cents go one each to the first winners
     * left of the button. A share of nothing (a one-cent pot split two ways) has no event, so the plain share is zero
     * when every award of a pot carries an odd cent.
     */
    private static void oddCentsFollowRobertsRules(HoldemHand hand, EventLedger ledger) {
        Map<Integer, Integer> position = positions(hand);
        Map<Integer, List<HandEvent.PotAwarded>> byPot = new HashMap<>();
        for (HandEvent.PotAwarded award : ledger.awards()) {
            byPot.computeIfAbsent(award.potIndex(), i -> new ArrayList<>()).add(award);
        }
        for (List<HandEvent.PotAwarded> shares : byPot.values()) {
            Money plain = shares.stream().filter(share -> !share.oddCent()).map(HandEvent.PotAwarded::amount)
                    .findFirst().orElse(Money.ZERO);
            Set<Integer> winners = new HashSet<>();
            int previousPosition = -1;
            boolean plainShareSeen = false;
            for (HandEvent.PotAwarded share : shares) {
                assertThat(winners.add(share.seat())).as("seat %s paid twice from pot %s", share.seat(),
                        share.potIndex()).isTrue();
                assertThat(position.get(share.seat())).as("winners of pot %s in seat order from left of the button",
                        share.potIndex()).isGreaterThan(previousPosition);
                previousPosition = position.get(share.seat());
                assertThat(share.amount()).as("shares of pot %s: %s", share.potIndex(), shares)
                        .isEqualTo(share.oddCent() ? plain.plus(Money.CENT) : plain);
                if (!share.oddCent()) {
                    plainShareSeen = true;
                } else {
                    assertThat(plainShareSeen).as("an odd cent after a plain share in %s", shares).isFalse();
                }
            }
        }
    }

    /**
     * With two or more hands left, each shows or mucks exactly once, in showdown order (mucks only when the table
     * allows it, never after the hands were tabled); a shown hand is the one dealt, with the strength the evaluator
     * gives it.
     */
    private static void showdownIsConsistent(HoldemHand hand, EventLedger ledger) {
        List<Integer> live = ledger.live(hand.setup());
        Set<Integer> decided = new HashSet<>();
        for (HandEvent event : hand.events()) {
            if (event instanceof HandEvent.HandShown shown) {
                assertThat(decided.add(shown.seat())).as("seat %s shows twice", shown.seat()).isTrue();
                assertThat(shown.cards()).isEqualTo(ledger.holeCards(shown.seat()));
                int strength = strength(hand, ledger.holeCards(shown.seat()), ledger.board());
                assertThat(shown.strength()).as("strength shown by seat %s", shown.seat()).isEqualTo(strength);
                assertThat(shown.category()).isEqualTo(HandEvaluator.category(strength));
            } else if (event instanceof HandEvent.HandMucked mucked) {
                assertThat(decided.add(mucked.seat())).as("seat %s mucks twice", mucked.seat()).isTrue();
                assertThat(hand.setup().muckLosingHands()).as("mucking allowed").isTrue();
                assertThat(ledger.tabled()).as("a tabled hand is mucked").isFalse();
            }
        }
        if (live.size() > 1) {
            assertThat(ledger.board()).as("board at showdown").hasSize(5);
            List<Integer> order = ledger.showdownOrder(hand.setup());
            assertThat(ledger.showOrder()).as("seats that showed or mucked, in order").isEqualTo(order);
            if (ledger.tabled()) {
                assertThat(ledger.tableOrder()).as("seats tabled for the all-in runout, in order").isEqualTo(order);
            }
        } else {
            assertThat(decided).as("nobody shows when one player is left").isEmpty();
        }
    }

    /**
     * An oracle written apart from the engine: one pot per contribution level (a big-blind ante dead in the lowest),
     * contested by the players who reached the level and did not fold, won by the best of them by the reference
     * evaluator, split evenly. Pots the engine merges may put odd cents elsewhere, so each seat must get at least the
     * sum of its floors and at most the sum of its ceilings.
     */
    private static void everySeatWonWhatItsSidePotsAreWorth(HoldemHand hand, EventLedger ledger) {
        List<PlayerSeat> players = hand.setup().players();
        List<Integer> live = ledger.live(hand.setup());
        Map<Integer, Integer> strength = new HashMap<>();
        if (live.size() > 1) {
            for (int seat : live) {
                strength.put(seat, strength(hand, ledger.holeCards(seat), ledger.board()));
            }
        }
        Map<Integer, Long> least = new HashMap<>();
        Map<Integer, Long> most = new HashMap<>();
        List<Long> levels = ledger.levels();
        long previous = 0;
        long dead = ledger.deadMoney().toCents();
        for (long level : levels) {
            long amount = dead;
            dead = 0;
            List<Integer> winners = new ArrayList<>();
            int best = Integer.MIN_VALUE;
            for (PlayerSeat player : players) {
                long reached = ledger.liveContribution(player.seat());
                amount += Math.max(0, Math.min(reached, level) - previous);
                if (live.contains(player.seat()) && reached >= level) {
                    int s = strength.getOrDefault(player.seat(), 0);
                    if (winners.isEmpty() || s > best) {
                        winners.clear();
                        best = s;
                    }
                    if (s == best) {
                        winners.add(player.seat());
                    }
                }
            }
            previous = level;
            if (amount == 0) {
                continue;
            }
            if (winners.isEmpty()) {
                fail("nobody left to win the " + amount + " cents at level " + level + " (levels " + levels + ")");
            }
            for (int seat : winners) {
                least.merge(seat, amount / winners.size(), Long::sum);
                most.merge(seat, (amount + winners.size() - 1) / winners.size(), Long::sum);
            }
        }
        for (PlayerSeat player : players) {
            long won = ledger.won(player.seat()).toCents();
            assertThat(won).as("cents won by seat %s (levels %s, live %s, strengths %s)", player.seat(), levels, live,
                    strength).isBetween(least.getOrDefault(player.seat(), 0L), most.getOrDefault(player.seat(), 0L));
        }
    }

    /** Refused, with a reason and a message, and nothing a client could see has changed. */
    static IllegalActionException assertRefusedWithoutChange(HoldemHand hand, HandCommand command) {
        HandFixture.Snapshot before = HandFixture.Snapshot.of(hand);
        List<HandEvent> eventsBefore = hand.events();
        IllegalActionException refusal = null;
        try {
            List<HandEvent> events = hand.handle(command);
            fail("the illegal " + command + " was accepted: " + events);
        } catch (IllegalActionException refused) {
            refusal = refused;
        }
        assertThat(refusal.reason()).as("reason for refusing %s", command).isNotNull();
        assertThat(refusal.getMessage()).as("message for refusing %s", command).isNotBlank();
        assertThat(HandFixture.Snapshot.of(hand)).as("hand after refusing %s", command).isEqualTo(before);
        assertThat(hand.events()).as("events after refusing %s", command).isEqualTo(eventsBefore);
        assertThat(hand.refusal(command).map(IllegalActionException::reason)).contains(refusal.reason());
        return refusal;
    }

    /** By the reference evaluator: any five of seven in Texas hold'em, two hole cards and three board cards in Omaha. */
    private static int strength(HoldemHand hand, List<Card> hole, List<Card> board) {
        int[] holeIndexes = hole.stream().mapToInt(Card::index).toArray();
        int[] boardIndexes = board.stream().mapToInt(Card::index).toArray();
        return switch (hand.setup().variant().ranking()) {
            case TEXAS -> {
                int[] cards = new int[7];
                System.arraycopy(holeIndexes, 0, cards, 0, 2);
                System.arraycopy(boardIndexes, 0, cards, 2, 5);
                yield ReferenceEvaluator.evaluate7(cards);
            }
            case OMAHA -> ReferenceEvaluator.evaluateOmaha(holeIndexes, boardIndexes);
        };
    }

    private static Map<Integer, Integer> positions(HoldemHand hand) {
        Map<Integer, Integer> position = new HashMap<>();
        List<PlayerSeat> players = hand.setup().players();
        for (int i = 0; i < players.size(); i++) {
            position.put(players.get(i).seat(), i);
        }
        return position;
    }

    private static Money startingStack(HoldemHand hand, int seat) {
        return hand.setup().players().stream().filter(p -> p.seat() == seat).findFirst().orElseThrow().stack();
    }

    private static Money totalStartingStacks(HoldemHand hand) {
        return hand.setup().players().stream().map(PlayerSeat::stack).reduce(Money.ZERO, Money::plus);
    }
}
