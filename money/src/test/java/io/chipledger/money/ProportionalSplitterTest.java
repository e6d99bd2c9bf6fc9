package io.chipledger.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProportionalSplitterTest {

    private static List<ProportionalSplitter.Weighted<Integer>> places(String... percents) {
        List<ProportionalSplitter.Weighted<Integer>> places = new ArrayList<>();
        for (int i = 0; i < percents.length; i++) {
            places.add(new ProportionalSplitter.Weighted<>(i + 1, new BigDecimal(percents[i])));
        }
        return places;
    }

    @Test
    void sixtyFiveThirtyFiveOfAnEvenPoolIsExact() {
        PotSplit<Integer> split = ProportionalSplitter.split(Money.parse("60.00"), places("65", "35"));
        assertThat(split.shares()).extracting(PotSplit.Share::amount).containsExactly(Money.parse("39.00"), Money.parse("21.00"));
        assertThat(split.oddCentRecipients()).isEmpty();
    }

    @Test
    void theOddCentOfFiftyThirtyTwentyGoesToTheHigherPlace() {
        // 0.55 * 50% = 0.275, * 30% = 0.165, * 20% = 0.11: floors 0.27 + 0.16 + 0.11 = 0.54, one cent left over.
        PotSplit<Integer> split = ProportionalSplitter.split(Money.parse("0.55"), places("50", "30", "20"));
        assertThat(split.shares()).containsExactly(
                new PotSplit.Share<>(1, Money.parse("0.28"), true),
                new PotSplit.Share<>(2, Money.parse("0.16"), false),
                new PotSplit.Share<>(3, Money.parse("0.11"), false));
    }

    @Test
    void twoLeftoverCentsGoToFirstAndSecondPlace() {
        PotSplit<Integer> split = ProportionalSplitter.split(Money.parse("0.02"), places("34", "33", "33"));
        assertThat(split.shares()).extracting(PotSplit.Share::amount)
                .containsExactly(Money.parse("0.01"), Money.parse("0.01"), Money.parse("0.00"));
        assertThat(split.oddCentRecipients()).containsExactly(1, 2);
    }

    @Test
    void refusesPercentagesThatDoNotAddUpToAHundredOrAreNotPositive() {
        assertThatThrownBy(() -> ProportionalSplitter.split(Money.parse("10"), places("65", "30")))
                .hasMessageContaining("add up to 100, not 95");
        assertThatThrownBy(() -> ProportionalSplitter.split(Money.parse("10"), places("100", "0")))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> ProportionalSplitter.split(Money.parse("-1"), places("100"))).hasMessageContaining("negative");
        assertThatThrownBy(() -> ProportionalSplitter.split(Money.parse("1"), List.of())).hasMessageContaining("at least one");
    }

    @Test
    void sharesAddUpEachIsItsExactShareRoundedDownOrOneCentMoreAndOddCentsGoToTheHigherPlaces() {
        qt().withExamples(20_000).forAll(longs().between(0, 10_000_000_000L), integers().between(1, 10), longs().all())
                .checkAssert((cents, count, seed) -> {
                    List<ProportionalSplitter.Weighted<Integer>> table = randomTable(count, new Random(seed));
                    PotSplit<Integer> split = ProportionalSplitter.split(Money.ofCents(cents), table);

                    assertThat(split.shares().stream().mapToLong(s -> s.amount().toCents()).sum()).isEqualTo(cents);
                    int odd = 0;
                    for (int i = 0; i < table.size(); i++) {
                        long exactFloor = BigDecimal.valueOf(cents).multiply(table.get(i).percent())
                                .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).longValueExact();
                        PotSplit.Share<Integer> share = split.shares().get(i);
                        assertThat(share.amount().toCents()).isEqualTo(exactFloor + (share.oddCent() ? 1 : 0));
                        odd += share.oddCent() ? 1 : 0;
                    }
                    assertThat(odd).isLessThan(table.size());
                    // The odd cents are a prefix of the order given: the higher places.
                    assertThat(split.oddCentRecipients()).isEqualTo(table.subList(0, odd).stream()
                            .map(ProportionalSplitter.Weighted::recipient).toList());
                });
    }

    /** {@code count} positive percentages with up to two decimals, adding up to exactly 100. */
    static List<ProportionalSplitter.Weighted<Integer>> randomTable(int count, Random random) {
        List<ProportionalSplitter.Weighted<Integer>> table = new ArrayList<>();
        long left = 10_000; // hundredths of a percent
        for (int i = 1; i < count; i++) {
            long most = left - (count - i);
            long part = 1 + (long) (random.nextDouble() * most * 0.6);
            table.add(new ProportionalSplitter.Weighted<>(i, BigDecimal.valueOf(part, 2)));
            left -= part;
        }
        table.add(new ProportionalSplitter.Weighted<>(count, BigDecimal.valueOf(left, 2)));
        return table;
    }
}
