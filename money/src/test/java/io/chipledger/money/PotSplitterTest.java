package io.chipledger.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PotSplitterTest {

    @Test
    void pluribusSplitGivesHalfToEach() {
        PotSplit<String> split = PotSplitter.split(Money.parse("225"), List.of("p1", "p2"));
        assertThat(split.shares()).extracting(PotSplit.Share::amount)
                .containsExactly(Money.parse("112.50"), Money.parse("112.50"));
        assertThat(split.oddCentRecipients()).isEmpty();
    }

    @Test
    void oddCentGoesToFirstWinnerLeftOfButton() {
        PotSplit<Integer> split = PotSplitter.split(Money.parse("10.01"), List.of(4, 1));
        assertThat(split.shares()).containsExactly(
                new PotSplit.Share<>(4, Money.parse("5.01"), true),
                new PotSplit.Share<>(1, Money.parse("5.00"), false));
        assertThat(split.oddCentRecipients()).containsExactly(4);
    }

    @Test
    void twoOddCentsAmongThreeWinnersGoToTheFirstTwoInSeatOrder() {
        PotSplit<String> split = PotSplitter.split(Money.parse("1.00"), List.of("a", "b", "c"));
        assertThat(split.shares()).extracting(PotSplit.Share::amount)
                .containsExactly(Money.parse("0.34"), Money.parse("0.33"), Money.parse("0.33"));
        assertThat(split.oddCentRecipients()).containsExactly("a");
        assertThat(PotSplitter.split(Money.parse("0.02"), List.of("a", "b", "c")).oddCentRecipients())
                .containsExactly("a", "b");
    }

    @Test
    void refusesNoWinnersDuplicatesAndNegativePots() {
        assertThatThrownBy(() -> PotSplitter.split(Money.parse("1"), List.of())).hasMessageContaining("at least one winner");
        assertThatThrownBy(() -> PotSplitter.split(Money.parse("1"), List.of(1, 1))).hasMessageContaining("distinct");
        assertThatThrownBy(() -> PotSplitter.split(Money.parse("-1"), List.of(1))).hasMessageContaining("negative");
    }

    @Test
    void sharesAlwaysAddUpDifferByAtMostACentAndOddCentsGoInSeatOrder() {
        qt().withExamples(20_000).forAll(longs().between(0, 10_000_000_000L), integers().between(1, 10))
                .checkAssert((cents, winners) -> {
                    List<Integer> seats = IntStream.range(0, winners).boxed().toList();
                    PotSplit<Integer> split = PotSplitter.split(Money.ofCents(cents), seats);
                    List<Long> parts = split.shares().stream().map(s -> s.amount().toCents()).toList();

                    assertThat(parts.stream().mapToLong(Long::longValue).sum()).isEqualTo(cents);
                    long min = parts.stream().mapToLong(Long::longValue).min().orElseThrow();
                    long max = parts.stream().mapToLong(Long::longValue).max().orElseThrow();
                    assertThat(max - min).isLessThanOrEqualTo(1);
                    // Odd cents form a prefix of the seat order and are exactly the larger shares.
                    long odd = cents % winners;
                    assertThat(split.oddCentRecipients()).isEqualTo(seats.subList(0, (int) odd));
                    for (PotSplit.Share<Integer> share : split.shares()) {
                        assertThat(share.amount().toCents()).isEqualTo(cents / winners + (share.oddCent() ? 1 : 0));
                    }
                });
    }
}
