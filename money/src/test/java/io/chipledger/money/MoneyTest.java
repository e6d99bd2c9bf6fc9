package io.chipledger.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @Test
    void parsesPlainDecimalsToScaleTwo() {
        assertThat(Money.parse("12.5").toString()).isEqualTo("12.50");
        assertThat(Money.parse("7").toString()).isEqualTo("7.00");
        assertThat(Money.parse("-0.01").toCents()).isEqualTo(-1);
        assertThat(Money.parse(" 0.10 ")).isEqualTo(Money.ofCents(10));
        assertThat(Money.parse(".5")).isEqualTo(Money.ofCents(50));
    }

    @Test
    void trailingZerosBeyondTheCentAreExactAndAccepted() {
        assertThat(Money.parse("1.2500")).isEqualTo(Money.ofCents(125));
    }

    @Test
    void aFractionFinerThanACentIsRefusedNotRounded() {
        assertThatThrownBy(() -> Money.parse("0.001"))
                .isInstanceOf(MoneyFormatException.class)
                .hasMessageContaining("finer than a cent");
        assertThatThrownBy(() -> Money.of(new BigDecimal("10.005"))).isInstanceOf(MoneyFormatException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "NaN", "Infinity", "-Infinity", "1e3", "1E-2", "1,000.00", "12.", "abc", "--1", "0x10", "1 000"})
    void textThatIsNotAPlainDecimalIsRefused(String text) {
        if (text.equals("12.")) {
            // "12." is a plain decimal with no fraction digits: accepted as 12.00.
            assertThat(Money.parse(text)).isEqualTo(Money.ofCents(1200));
            return;
        }
        assertThatThrownBy(() -> Money.parse(text))
                .isInstanceOf(MoneyFormatException.class)
                .hasMessageContaining("not an amount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.50", "3", "0.01", "-0.01", "0", "007.5", "999999999999999.99"})
    void theExactFormReadsWhatMoneyWrites(String text) {
        assertThat(Money.parseExact(text)).isEqualTo(Money.parse(text));
    }

    /** Issue 16: each of these reached the wire codec and was taken as 50.00. */
    @ParameterizedTest
    @ValueSource(strings = {"+50", " 50", "50 ", "50.", ".5", "50.000", "\u200350", "50\n", "\u00a050", "50\u0000",
            "\uff15\uff10", "\u0665\u0660", "5_0", "50.0 ", "-", "-.5", ""})
    void theExactFormRefusesEverythingElse(String text) {
        assertThatThrownBy(() -> Money.parseExact(text)).isInstanceOf(MoneyFormatException.class)
                .hasMessageContaining("amount");
    }

    @Test
    void theExactFormSaysWhySoManyDecimalsAreRefused() {
        assertThatThrownBy(() -> Money.parseExact("50.000")).hasMessageContaining("more than two decimals");
        assertThatThrownBy(() -> Money.parseExact("10.005")).hasMessageContaining("finer than a cent");
        assertThatThrownBy(() -> Money.parseExact("\u200350")).hasMessageContaining("\\u2003");
    }

    @Test
    void nullIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> Money.parse(null)).hasMessage("amount is missing");
    }

    @Test
    void outOfRangeMagnitudeIsRefused() {
        assertThat(Money.of(Money.MAX).toString()).isEqualTo("999999999999999.99");
        assertThatThrownBy(() -> Money.parse("1000000000000000.00")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Money.of(Money.MAX).plus(Money.CENT)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Money.parse("1".repeat(41))).isInstanceOf(MoneyFormatException.class);
    }

    @Test
    void equalityIgnoresHowTheValueWasWritten() {
        assertThat(Money.parse("5")).isEqualTo(Money.parse("5.00")).hasSameHashCodeAs(Money.parse("5.0"));
        assertThat(Money.of(new BigDecimal("5.0"))).isEqualTo(Money.ofCents(500));
    }

    @Test
    void arithmeticIsExact() {
        Money a = Money.parse("0.10");
        Money sum = Money.ZERO;
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(a);
        }
        assertThat(sum).isEqualTo(Money.parse("1.00"));
        assertThat(Money.parse("3.33").times(3)).isEqualTo(Money.parse("9.99"));
        assertThat(Money.parse("1").minus(Money.parse("1.01"))).isEqualTo(Money.parse("-0.01"));
        assertThat(Money.parse("2").min(Money.parse("1.99"))).isEqualTo(Money.parse("1.99"));
    }
}
