package io.chipledger.server.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandingsTest {

    private final Standings six = new Standings(List.of(1L, 2L, 3L, 4L, 5L, 6L));

    @Test
    void aLonePlayerBustingTakesTheWorstPlaceStillOpen() {
        assertThat(six.eliminate(List.of(new Bust(4, 800, 2)))).containsExactly(new Placing(6, List.of(4L)));
        assertThat(six.eliminate(List.of(new Bust(1, 300, 0)))).containsExactly(new Placing(5, List.of(1L)));
        assertThat(six.remaining()).containsExactlyInAnyOrder(2L, 3L, 5L, 6L);
    }

    @Test
    void ofTwoPlayersBustingInOneHandTheOneWhoStartedItWithMoreFinishesHigher() {
        List<Placing> decided = six.eliminate(List.of(new Bust(2, 1500, 0), new Bust(3, 400, 1)));

        assertThat(decided).containsExactly(new Placing(6, List.of(3L)), new Placing(5, List.of(2L)));
    }

    @Test
    void playersWhoStartedTheHandWithTheSameStackTieForThePlacesTheyCoverInSeatOrder() {
        List<Placing> decided = six.eliminate(List.of(new Bust(5, 700, 3), new Bust(2, 900, 4), new Bust(3, 700, 1)));

        assertThat(decided).containsExactly(new Placing(5, List.of(3L, 5L)), new Placing(4, List.of(2L)));
        assertThat(decided.get(0).lastPlace()).isEqualTo(6);
    }

    @Test
    void theLastPlayerLeftWinsAndTheStandingsAreDecided() {
        Standings headsUp = new Standings(List.of(7L, 8L));

        assertThat(headsUp.eliminate(List.of(new Bust(8, 100, 1))))
                .containsExactly(new Placing(2, List.of(8L)), new Placing(1, List.of(7L)));
        assertThat(headsUp.decided()).isTrue();
        assertThat(headsUp.remaining()).isEmpty();
    }

    @Test
    void aBustOfSomeoneNotInTwiceOrOfEveryoneLeftIsRefusedAndChangesNothing() {
        six.eliminate(List.of(new Bust(6, 100, 0)));

        assertThatThrownBy(() -> six.eliminate(List.of(new Bust(6, 100, 0)))).hasMessageContaining("not in");
        assertThatThrownBy(() -> six.eliminate(List.of(new Bust(9, 100, 0)))).hasMessageContaining("not in");
        assertThatThrownBy(() -> six.eliminate(List.of(new Bust(1, 100, 0), new Bust(1, 100, 0)))).hasMessageContaining("twice");
        assertThatThrownBy(() -> six.eliminate(List.of(new Bust(1, 1, 0), new Bust(2, 1, 1), new Bust(3, 1, 2),
                new Bust(4, 1, 3), new Bust(5, 1, 4)))).hasMessageContaining("someone wins");
        assertThat(six.remaining()).hasSize(5);
        assertThat(six.placings()).containsExactly(new Placing(6, List.of(6L)));
    }

    @Test
    void restoredStandingsCarryOnWhereTheStoredOnesStopped() {
        Standings restored = Standings.restore(List.of(1L, 2L, 3L),
                List.of(new Placing(5, List.of(5L, 6L)), new Placing(4, List.of(4L))));

        assertThat(restored.eliminate(List.of(new Bust(3, 10, 0)))).containsExactly(new Placing(3, List.of(3L)));
        assertThatThrownBy(() -> Standings.restore(List.of(1L, 2L), List.of(new Placing(4, List.of(4L)))))
                .hasMessageContaining("gap");
    }
}
