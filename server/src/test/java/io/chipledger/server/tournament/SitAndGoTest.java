package io.chipledger.server.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chipledger.money.Money;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SitAndGoTest {

    static TournamentRules rules(int seats, String payouts) {
        return new TournamentRules("Turbo", seats, Money.parse("10.00"), Money.parse("1.00"), 1500,
                new BlindSchedule(List.of(new BlindLevel(10, 20, 0), new BlindLevel(15, 30, 0)), new LevelPace.ByHands(10)),
                PayoutTable.parse(payouts), Duration.ofSeconds(15), Duration.ofSeconds(30));
    }

    private final SitAndGo threeHanded = SitAndGo.open(7, rules(3, "100"));

    private static TournamentRefusal.Code refusal(Runnable command) {
        try {
            command.run();
        } catch (TournamentRefusal refused) {
            return refused.code();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void itStartsWhenTheLastSeatIsTaken() {
        assertThat(threeHanded.register(1, 101)).isFalse();
        assertThat(threeHanded.register(2, 102)).isFalse();
        assertThat(threeHanded.seatsLeft()).isEqualTo(1);

        assertThat(threeHanded.register(3, 103)).isTrue();
        assertThat(threeHanded.status()).isEqualTo(TournamentStatus.RUNNING);
        assertThat(threeHanded.remaining()).containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void aPlayerRegistersOnceAndUnregistersOnlyBeforeItStarts() {
        threeHanded.register(1, 101);

        assertThat(refusal(() -> threeHanded.register(1, 111))).isEqualTo(TournamentRefusal.Code.ALREADY_REGISTERED);
        assertThat(refusal(() -> threeHanded.unregister(2))).isEqualTo(TournamentRefusal.Code.NOT_REGISTERED);
        assertThat(threeHanded.unregister(1)).isEqualTo(101);
        assertThat(threeHanded.entries()).isEmpty();

        threeHanded.register(1, 121);
        threeHanded.register(2, 122);
        threeHanded.register(3, 123);
        assertThat(refusal(() -> threeHanded.unregister(1))).isEqualTo(TournamentRefusal.Code.NOT_REGISTERING);
        assertThat(refusal(() -> threeHanded.register(4, 124))).isEqualTo(TournamentRefusal.Code.NOT_REGISTERING);
        assertThat(threeHanded.entries()).containsExactly(Map.entry(1L, 121L), Map.entry(2L, 122L), Map.entry(3L, 123L));
    }

    @Test
    void theLastBustFinishesItAndThePrizesArePaidThen() {
        SitAndGo sng = SitAndGo.open(8, rules(3, "65/35"));
        sng.register(1, 1);
        sng.register(2, 2);
        sng.register(3, 3);

        sng.eliminate(List.of(new Bust(3, 200, 0)));
        assertThat(sng.status()).isEqualTo(TournamentStatus.RUNNING);
        assertThatThrownBy(sng::prizes).hasMessageContaining("places still to decide");
        sng.eliminate(List.of(new Bust(1, 2000, 1)));

        assertThat(sng.status()).isEqualTo(TournamentStatus.FINISHING);
        assertThat(sng.prizes()).extracting(Prize::playerId, Prize::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, Money.parse("19.50")),
                org.assertj.core.groups.Tuple.tuple(1L, Money.parse("10.50")),
                org.assertj.core.groups.Tuple.tuple(3L, Money.ZERO));
        sng.paid();
        assertThat(sng.status()).isEqualTo(TournamentStatus.FINISHED);
        assertThat(refusal(sng::cancel)).isEqualTo(TournamentRefusal.Code.ALREADY_OVER);
    }

    @Test
    void cancellingGivesBackEveryRegisteredEntryWhetherRegisteringOrRunning() {
        threeHanded.register(1, 101);
        threeHanded.register(2, 102);

        assertThat(threeHanded.cancel()).containsExactly(101L, 102L);
        assertThat(threeHanded.status()).isEqualTo(TournamentStatus.CANCELLING);
        assertThat(refusal(() -> threeHanded.register(3, 103))).isEqualTo(TournamentRefusal.Code.NOT_REGISTERING);
        threeHanded.refunded();
        assertThat(threeHanded.status()).isEqualTo(TournamentStatus.CANCELLED);
        assertThat(refusal(threeHanded::cancel)).isEqualTo(TournamentRefusal.Code.ALREADY_OVER);
    }

    @Test
    void aRestoredRunningTournamentKnowsWhoIsInAndWhoFinishedWhere() {
        SitAndGo restored = SitAndGo.restore(9, rules(3, "65/35"), TournamentStatus.RUNNING,
                Map.of(1L, 11L, 2L, 12L, 3L, 13L), List.of(new Placing(3, List.of(2L))));

        assertThat(restored.remaining()).containsExactlyInAnyOrder(1L, 3L);
        restored.eliminate(List.of(new Bust(1, 50, 0)));
        assertThat(restored.status()).isEqualTo(TournamentStatus.FINISHING);
        assertThat(restored.prizes()).extracting(Prize::playerId).containsExactly(3L, 1L, 2L);
    }
}
