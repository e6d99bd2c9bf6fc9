package io.chipledger.server.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chipledger.server.game.SeededShuffle;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ProvablyFairDeckSourceTest {

    private final ProvablyFairDeckSource decks = new ProvablyFairDeckSource(new SecureRandom());

    @Test
    void eachHandUsesTheSeedCommittedToAtThePreviousHandsStart() {
        DeckSource.ShuffledDeck first = decks.shuffle(1, 10);
        DeckSource.ShuffledDeck second = decks.shuffle(1, 11);

        assertThat(first.record().announcedInHand()).as("nothing announced the first deck").isNull();
        assertThat(second.commitment()).isEqualTo(first.nextCommitment());
        assertThat(second.record().announcedInHand()).isEqualTo(10L);
        assertThat(SeededShuffle.commitment(HexFormat.of().parseHex(second.record().serverSeed()))).isEqualTo(second.commitment());
    }

    @Test
    void clientSeedsCountOnlyAgainstTheTablesNextCommitment() {
        assertThat(decks.addClientSeed(1, 0, "alice", "ab", "early")).as("no deck announced yet").isFalse();
        DeckSource.ShuffledDeck first = decks.shuffle(1, 10);
        decks.shuffle(2, 20);

        assertThat(decks.addClientSeed(1, 0, "alice", first.commitment(), "stale")).isFalse();
        assertThat(decks.addClientSeed(1, 0, "alice", first.nextCommitment(), "one")).isTrue();
        assertThat(decks.addClientSeed(1, 0, "alice", first.nextCommitment(), "two")).as("replaces").isTrue();
        assertThat(decks.addClientSeed(1, 3, "bob", first.nextCommitment(), "three")).isTrue();
        DeckSource.ShuffledDeck second = decks.shuffle(1, 11);

        assertThat(second.record().clientSeeds()).extracting(s -> s.seat() + ":" + s.player() + ":" + s.seed())
                .containsExactly("0:alice:two", "3:bob:three");
        assertThat(decks.shuffle(1, 12).record().clientSeeds()).as("seeds serve one deck").isEmpty();
    }

    @Test
    void theFirstHandsDeckIsCommittedToWhenTheTableIsFirstShownAndTakesClientSeeds() {
        String announced = decks.nextCommitment(1);
        assertThat(decks.nextCommitment(1)).as("asking again draws nothing new").isEqualTo(announced);
        assertThat(decks.addClientSeed(1, 2, "carol", announced, "first-hand")).isTrue();

        DeckSource.ShuffledDeck first = decks.shuffle(1, 10);

        assertThat(first.commitment()).isEqualTo(announced);
        assertThat(first.record().clientSeeds()).extracting(s -> s.seat() + ":" + s.seed()).containsExactly("2:first-hand");
        assertThat(SeededShuffle.commitment(HexFormat.of().parseHex(first.record().serverSeed()))).isEqualTo(announced);
        assertThat(decks.nextCommitment(1)).as("then the next hand's, as handStarted announced it").isEqualTo(first.nextCommitment());
    }

    @Test
    void aSeedWithSpacesOrTooLongIsRefused() {
        DeckSource.ShuffledDeck first = decks.shuffle(1, 10);
        assertThatThrownBy(() -> decks.addClientSeed(1, 0, "alice", first.nextCommitment(), "two words"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decks.addClientSeed(1, 0, "alice", first.nextCommitment(), "x".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
