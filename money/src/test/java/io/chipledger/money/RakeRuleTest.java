package io.chipledger.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RakeRuleTest {

    private final RakeRule fivePercentCapThree = new RakeRule(new BigDecimal("5"), Money.parse("3"), true);

    @Test
    void rakeIsRoundedDownToTheCentAndTheRemainderKeepsTheRest() {
        RakeRule.RakeCut cut = fivePercentCapThree.apply(Money.parse("10.19"), true);
        assertThat(cut.rake()).isEqualTo(Money.parse("0.50")); // 0.5095 rounds down
        assertThat(cut.remainder()).isEqualTo(Money.parse("9.69"));
    }

    @Test
    void rakeIsCapped() {
        assertThat(fivePercentCapThree.apply(Money.parse("1000"), true).rake()).isEqualTo(Money.parse("3.00"));
    }

    @Test
    void noFlopNoDrop() {
        assertThat(fivePercentCapThree.apply(Money.parse("100"), false).rake()).isEqualTo(Money.ZERO);
        RakeRule alwaysDrop = new RakeRule(new BigDecimal("5"), Money.parse("3"), false);
        assertThat(alwaysDrop.apply(Money.parse("20"), false).rake()).isEqualTo(Money.parse("1.00"));
    }

    @Test
    void refusesNonsenseRules() {
        assertThatThrownBy(() -> new RakeRule(new BigDecimal("101"), Money.ZERO, true)).hasMessageContaining("between 0 and 100");
        assertThatThrownBy(() -> new RakeRule(new BigDecimal("-1"), Money.ZERO, true)).hasMessageContaining("between 0 and 100");
        assertThatThrownBy(() -> new RakeRule(new BigDecimal("2.125"), Money.ZERO, true)).hasMessageContaining("two decimals");
        assertThatThrownBy(() -> new RakeRule(BigDecimal.ONE, Money.parse("-1"), true)).hasMessageContaining("cap");
    }

    @Test
    void rakePlusRemainderIsAlwaysThePotAndRakeNeverExceedsPercentOrCap() {
        qt().withExamples(20_000)
                .forAll(longs().between(0, 100_000_000L), integers().between(0, 10_000), longs().between(0, 100_000L), booleans().all())
                .checkAssert((potCents, basisPoints, capCents, flop) -> {
                    RakeRule rule = new RakeRule(BigDecimal.valueOf(basisPoints, 2), Money.ofCents(capCents), true);
                    RakeRule.RakeCut cut = rule.apply(Money.ofCents(potCents), flop);
                    assertThat(cut.rake().plus(cut.remainder()).toCents()).isEqualTo(potCents);
                    long expected = flop ? Math.min(potCents * basisPoints / 10_000, capCents) : 0;
                    assertThat(cut.rake().toCents()).isEqualTo(expected);
                });
    }
}
