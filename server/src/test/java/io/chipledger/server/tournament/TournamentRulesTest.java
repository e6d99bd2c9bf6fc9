package io.chipledger.server.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chipledger.money.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TournamentRulesTest {

    private static final BlindSchedule BY_TIME = new BlindSchedule(List.of(new BlindLevel(10, 20, 0),
            new BlindLevel(15, 30, 0), new BlindLevel(25, 50, 5)), new LevelPace.ByTime(Duration.ofMinutes(5)));

    @Test
    void aLevelByTimeEndsWhenItsLengthHasRunAndTheLastLevelStays() {
        assertThat(BY_TIME.levelFor(1, Duration.ZERO, 99)).isEqualTo(1);
        assertThat(BY_TIME.levelFor(1, Duration.ofSeconds(299), 0)).isEqualTo(1);
        assertThat(BY_TIME.levelFor(1, Duration.ofMinutes(5), 0)).isEqualTo(2);
        assertThat(BY_TIME.levelFor(3, Duration.ofHours(3), 0)).isEqualTo(3);
        assertThat(BY_TIME.level(3)).isEqualTo(new BlindLevel(25, 50, 5));
        assertThat(BY_TIME.level(9)).isEqualTo(new BlindLevel(25, 50, 5));
        assertThat(BY_TIME.untilNextLevel(2, Duration.ofSeconds(290))).contains(Duration.ofSeconds(10));
        assertThat(BY_TIME.untilNextLevel(2, Duration.ofSeconds(310))).contains(Duration.ZERO);
        assertThat(BY_TIME.untilNextLevel(3, Duration.ZERO)).isEmpty();
    }

    @Test
    void aLevelByHandsEndsAfterItsHandsWhateverTheTime() {
        BlindSchedule byHands = new BlindSchedule(BY_TIME.levels(), new LevelPace.ByHands(4));
        assertThat(byHands.levelFor(1, Duration.ofHours(1), 3)).isEqualTo(1);
        assertThat(byHands.levelFor(1, Duration.ZERO, 4)).isEqualTo(2);
        assertThat(byHands.levelFor(2, Duration.ZERO, 4)).isEqualTo(3);
        assertThat(byHands.untilNextLevel(1, Duration.ZERO)).isEmpty();
    }

    @Test
    void badSchedulesAndPayoutTablesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new BlindSchedule(List.of(new BlindLevel(20, 40, 0), new BlindLevel(10, 20, 0)),
                new LevelPace.ByHands(1))).hasMessageContaining("never goes down");
        assertThatThrownBy(() -> new BlindLevel(20, 10, 0)).hasMessageContaining("small blind <= big blind");
        assertThatThrownBy(() -> PayoutTable.parse("65/30")).hasMessageContaining("100%, not 95%");
        assertThatThrownBy(() -> PayoutTable.parse("30/70")).hasMessageContaining("would win more");
        assertThatThrownBy(() -> PayoutTable.parse("50/30/19.995/0.005")).hasMessageContaining("two decimals");
        assertThatThrownBy(() -> PayoutTable.parse("sixty/forty")).hasMessageContaining("reads like 65/35");
        assertThat(PayoutTable.parse("50/30/20").percents()).containsExactly(new BigDecimal("50"), new BigDecimal("30"), new BigDecimal("20"));
        assertThat(PayoutTable.parse("50.5/49.5").toString()).isEqualTo("50.5/49.5");
    }

    @Test
    void rulesRefuseSeatsOutsideTwoToTenPayingEverySeatAndFreeBuyIns() {
        assertThatThrownBy(() -> rules(11, "65/35", "10.00")).hasMessageContaining("2 to 10 seats");
        assertThatThrownBy(() -> rules(2, "65/35", "10.00")).hasMessageContaining("fewer places than it has seats");
        assertThatThrownBy(() -> rules(6, "65/35", "0.00")).hasMessageContaining("buy-in must be positive");
        TournamentRules six = rules(6, "65/35", "10.00");
        assertThat(six.prizePool()).isEqualTo(Money.parse("60.00"));
        assertThat(six.entryCost()).isEqualTo(Money.parse("11.00"));
    }

    private static TournamentRules rules(int seats, String payouts, String buyIn) {
        return new TournamentRules("t", seats, Money.parse(buyIn), Money.parse("1.00"), 1500, BY_TIME,
                PayoutTable.parse(payouts), Duration.ofSeconds(15), Duration.ofSeconds(30));
    }
}
