package io.chipledger.server.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import org.junit.jupiter.api.Test;

class PotAverageTest {

    @Test
    void averageIsZeroBeforeTheFirstHand() {
        assertThat(new PotAverage(3).average()).isEqualTo(Money.ZERO);
    }

    @Test
    void averageIsRoundedDownToTheCent() {
        PotAverage average = new PotAverage(10);
        average.add(Money.parse("1.00"));
        average.add(Money.parse("1.00"));
        average.add(Money.parse("0.01"));

        assertThat(average.average()).isEqualTo(Money.parse("0.67"));
    }

    @Test
    void onlyTheMostRecentHandsCount() {
        PotAverage average = new PotAverage(2);
        average.add(Money.parse("100.00"));
        average.add(Money.parse("2.00"));
        average.add(Money.parse("4.00"));

        assertThat(average.average()).isEqualTo(Money.parse("3.00"));
        assertThat(average.hands()).isEqualTo(2);
    }
}
