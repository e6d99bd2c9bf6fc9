package io.chipledger.server.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.chipledger.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrizesTest {

    private static Money money(String text) {
        return Money.parse(text);
    }

    private static List<Placing> oneEach(long... bestFirst) {
        List<Placing> placings = new ArrayList<>();
        for (int i = 0; i < bestFirst.length; i++) {
            placings.add(new Placing(i + 1, List.of(bestFirst[i])));
        }
        return placings;
    }

    @Test
    void sixtyFiveThirtyFiveOfASixSeatPoolPaysTheFirstTwoAndNobodyElse() {
        List<Prize> prizes = Prizes.award(money("60.00"), PayoutTable.parse("65/35"), oneEach(11, 12, 13, 14, 15, 16));

        assertThat(prizes).extracting(Prize::playerId, Prize::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple(11L, money("39.00")),
                org.assertj.core.groups.Tuple.tuple(12L, money("21.00")),
                org.assertj.core.groups.Tuple.tuple(13L, Money.ZERO),
                org.assertj.core.groups.Tuple.tuple(14L, Money.ZERO),
                org.assertj.core.groups.Tuple.tuple(15L, Money.ZERO),
                org.assertj.core.groups.Tuple.tuple(16L, Money.ZERO));
    }

    @Test
    void thePlacesOddCentGoesToTheHigherPlaceAndIsRecorded() {
        // 10.01 at 65% is 6.5065, at 35% 3.5035: 6.50 + 3.50 leaves one cent, for first place.
        List<Prize> prizes = Prizes.award(money("10.01"), PayoutTable.parse("65/35"), oneEach(1, 2, 3));

        assertThat(prizes.get(0)).isEqualTo(new Prize(1, 1, 1, money("6.51"), true));
        assertThat(prizes.get(1)).isEqualTo(new Prize(2, 2, 2, money("3.50"), false));
    }

    @Test
    void twoPlayersTiedForSecondAndThirdShareThoseTwoPrizesAndTheOddCentGoesToTheOneSeatedFirst() {
        // 50/30/20 of 100.01: 50.00 (+1 odd cent) / 30.00 / 20.00; 2nd and 3rd share 50.00 -> 25.00 each.
        List<Placing> placings = List.of(new Placing(1, List.of(1L)), new Placing(2, List.of(2L, 3L)), new Placing(4, List.of(4L)));
        List<Prize> prizes = Prizes.award(money("100.01"), PayoutTable.parse("50/30/20"), placings);

        assertThat(prizes).containsExactly(
                new Prize(1, 1, 1, money("50.01"), true),
                new Prize(2, 2, 3, money("25.00"), false),
                new Prize(3, 2, 3, money("25.00"), false),
                new Prize(4, 4, 4, Money.ZERO, false));

        List<Prize> odd = Prizes.award(money("100.03"), PayoutTable.parse("50/30/20"), placings);
        // 50.015 / 30.009 / 20.006: floors 50.01 + 30.00 + 20.00 = 100.01, two cents to places 1 and 2.
        assertThat(odd).extracting(Prize::amount).containsExactly(money("50.02"), money("25.01"), money("25.00"), Money.ZERO);
        assertThat(odd.get(1).oddCent()).as("the tied player seated first").isTrue();
    }

    @Test
    void aTieAcrossTheLastPaidPlaceSharesOnlyWhatThosePlacesPay() {
        // Two tie for 2nd-3rd in 65/35: they share 2nd's 35% and nothing for 3rd.
        List<Placing> placings = List.of(new Placing(1, List.of(1L)), new Placing(2, List.of(2L, 3L)));
        List<Prize> prizes = Prizes.award(money("0.05"), PayoutTable.parse("65/35"), placings);

        // 0.05: 0.0325 -> 0.03, 0.0175 -> 0.01, one cent to 1st: 0.04 / 0.01; 0.01 shared: 0.01 and 0.00.
        assertThat(prizes).extracting(Prize::amount).containsExactly(money("0.04"), money("0.01"), Money.ZERO);
        assertThat(prizes.get(1).oddCent()).isTrue();
    }

    @Test
    void forRandomPoolsPayoutTablesAndBustsThePrizesAddUpToThePoolAndOddCentsFollowTheRules() {
        qt().withExamples(5_000).forAll(longs().between(1, 100_000_000L), integers().between(2, 10), longs().all())
                .checkAssert((cents, seats, seed) -> {
                    Random random = new Random(seed);
                    Money pool = Money.ofCents(cents);
                    PayoutTable table = randomTable(1 + random.nextInt(seats - 1), random);
                    List<Placing> placings = randomTournament(seats, random);

                    List<Prize> prizes = Prizes.award(pool, table, placings);

                    assertThat(prizes).hasSize(seats);
                    assertThat(prizes.stream().map(Prize::amount).reduce(Money.ZERO, Money::plus)).isEqualTo(pool);
                    List<Money> byPlace = Prizes.byPlace(pool, table).shares().stream().map(s -> s.amount()).toList();
                    for (Placing placing : placings) {
                        Money shared = Money.ZERO;
                        for (int place = placing.place(); place <= placing.lastPlace(); place++) {
                            shared = shared.plus(place <= byPlace.size() ? byPlace.get(place - 1) : Money.ZERO);
                        }
                        List<Prize> theirs = prizes.stream().filter(p -> placing.players().contains(p.playerId())).toList();
                        assertThat(theirs.stream().map(Prize::amount).reduce(Money.ZERO, Money::plus))
                                .as("tied players share exactly their places' prizes").isEqualTo(shared);
                        long each = shared.toCents() / placing.players().size();
                        long odd = shared.toCents() % placing.players().size();
                        for (int i = 0; i < placing.players().size(); i++) {
                            long player = placing.players().get(i);
                            Prize prize = theirs.stream().filter(p -> p.playerId() == player).findFirst().orElseThrow();
                            assertThat(prize.place()).isEqualTo(placing.place());
                            assertThat(prize.lastPlace()).isEqualTo(placing.lastPlace());
                            if (placing.tied()) {
                                assertThat(prize.amount().toCents()).as("odd cents to the first seated").isEqualTo(each + (i < odd ? 1 : 0));
                                assertThat(prize.oddCent()).isEqualTo(i < odd);
                            }
                        }
                    }
                    // A higher place never wins less than a lower one.
                    List<Prize> sorted = prizes.stream().sorted(java.util.Comparator.comparingInt(Prize::place)).toList();
                    for (int i = 1; i < sorted.size(); i++) {
                        if (sorted.get(i).place() != sorted.get(i - 1).place()) {
                            assertThat(sorted.get(i).amount()).isLessThanOrEqualTo(sorted.get(i - 1).amount());
                        }
                    }
                });
    }

    /** A non-increasing payout table of {@code places} places with up to two decimals, adding up to 100. */
    private static PayoutTable randomTable(int places, Random random) {
        List<Long> parts = new ArrayList<>();
        long left = 10_000;
        for (int i = 1; i < places; i++) {
            long part = 1 + random.nextInt((int) Math.max(1, left - (places - i)));
            parts.add(part);
            left -= part;
        }
        parts.add(left);
        parts.sort(Collections.reverseOrder());
        return new PayoutTable(parts.stream().map(p -> BigDecimal.valueOf(p, 2)).toList());
    }

    /** A tournament of {@code seats} played out with random busts, several per hand and equal stacks now and then. */
    static List<Placing> randomTournament(int seats, Random random) {
        List<Long> players = new ArrayList<>();
        for (long p = 1; p <= seats; p++) {
            players.add(p);
        }
        Standings standings = new Standings(players);
        while (!standings.decided()) {
            List<Long> in = new ArrayList<>(standings.remaining());
            Collections.shuffle(in, random);
            int busting = 1 + random.nextInt(in.size() - 1);
            Map<Long, Long> stacks = new HashMap<>();
            List<Bust> busts = new ArrayList<>();
            for (int i = 0; i < busting; i++) {
                long stack = 1 + random.nextInt(3); // few distinct stacks, so ties happen often
                stacks.put(in.get(i), stack);
                busts.add(new Bust(in.get(i), stack, i));
            }
            standings.eliminate(busts);
        }
        return standings.placings();
    }
}
