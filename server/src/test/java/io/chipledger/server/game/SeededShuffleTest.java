package io.chipledger.server.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeededShuffleTest {

    private static final byte[] SEED = seed(0);

    /** 0x00, 0x01, ... 0x1f shifted by {@code n}: a fixed seed per test case. */
    private static byte[] seed(int n) {
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) (i + n);
        }
        return seed;
    }

    private static String dealt(byte[] seed, long handId, List<ClientSeed> clientSeeds) {
        Deck deck = SeededShuffle.deck(seed, handId, clientSeeds);
        List<String> cards = new ArrayList<>();
        while (deck.remaining() > 0) {
            cards.add(deck.deal().toString());
        }
        return String.join(" ", cards);
    }

    @Test
    void theDeckMatchesTheReferenceImplementationInTheDocs() {
        // Expected values computed by the Python reference in docs/provably-fair.md, not by this code.
        assertThat(SeededShuffle.commitment(SEED)).isEqualTo("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd");
        assertThat(dealt(SEED, 1, List.of())).isEqualTo("Kd 4s 9h 8d As 6s 7h Qs Qc 6d 9d Qh 9c 7c 7s Ts 4c 3c Tc 8s Th Qd 2h "
                + "Jh 7d 2c Ks 2d 5s 6h 3h 8c Ad Kh Jc Td Ah 5d Js 2s 5h 4h 6c Kc 5c 3d 9s 8h Jd Ac 4d 3s");
        assertThat(dealt(SEED, 1, List.of(new ClientSeed(3, "lucky"), new ClientSeed(0, "alice-7"))))
                .isEqualTo("6s Qc 7h 3c Ah Th 4c 8s Td 3s 2d Tc 5d 5h 5s As 4h Qs Kc 4s 7s 2h 9d Js Jd Ad 2s 2c Kd 7c 8c Jh "
                        + "Kh 4d Qh 9c 3h Ks 9s 8d Qd Ac 5c 6h 9h 3d 6d 8h 6c Ts Jc 7d");
    }

    @Test
    void clientSeedsAreMixedInBySeatWhateverOrderTheyArrivedIn() {
        List<ClientSeed> one = List.of(new ClientSeed(0, "a"), new ClientSeed(4, "b"));
        List<ClientSeed> other = List.of(new ClientSeed(4, "b"), new ClientSeed(0, "a"));
        assertThat(dealt(SEED, 9, one)).isEqualTo(dealt(SEED, 9, other));
        assertThat(dealt(SEED, 9, one)).isNotEqualTo(dealt(SEED, 9, List.of()));
        assertThat(dealt(SEED, 9, one)).isNotEqualTo(dealt(SEED, 9, List.of(new ClientSeed(0, "a"), new ClientSeed(4, "c"))));
        assertThat(dealt(SEED, 9, List.of())).isNotEqualTo(dealt(SEED, 10, List.of()));
    }

    @Test
    void theSameSeatAndSeedBytesCannotBeConfusedWithOtherSplits() {
        // Lengths are part of the input: seat 1 "ab" differs from seat 1 "a" followed by anything else.
        byte[] a = SeededShuffle.derivationInput(1, List.of(new ClientSeed(1, "ab")));
        byte[] b = SeededShuffle.derivationInput(1, List.of(new ClientSeed(1, "a"), new ClientSeed(2, "b")));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void rejectionSamplingSkipsTheBytesThatWouldFavourLowIndexes() {
        // For 52 choices the last full multiple below 256 is 208: 208..255 are thrown away, 51 is kept.
        PrimitiveIterator.OfInt bytes = IntStream.of(208, 255, 51).iterator();
        assertThat(SeededShuffle.uniformBelow(52, bytes::nextInt)).isEqualTo(51);
        assertThat(bytes.hasNext()).isFalse();
        PrimitiveIterator.OfInt more = IntStream.of(207).iterator();
        assertThat(SeededShuffle.uniformBelow(52, more::nextInt)).isEqualTo(207 % 52);
        PrimitiveIterator.OfInt any = IntStream.of(255).iterator();
        assertThat(SeededShuffle.uniformBelow(256, any::nextInt)).isEqualTo(255);
    }

    @Test
    void everyCardIsEquallyLikelyInEveryPosition() {
        // 20,800 decks from fixed seeds: 400 expected per (card, position). With 51 degrees of freedom a chi-square
        // above 110 has a chance below one in a million for a fair shuffle; the seeds are fixed, so this never flakes.
        int decks = 20_800;
        int[][] counts = new int[52][52];
        for (int n = 0; n < decks; n++) {
            byte[] seed = ByteBuffer.allocate(32).putInt(n).putInt(0x5eed).array();
            int[] order = SeededShuffle.order(seed, n, List.of());
            for (int position = 0; position < 52; position++) {
                counts[position][order[position]]++;
            }
        }
        double expected = decks / 52.0;
        for (int position : new int[] {0, 1, 25, 50, 51}) {
            double chiSquare = Arrays.stream(counts[position]).mapToDouble(c -> (c - expected) * (c - expected) / expected).sum();
            assertThat(chiSquare).as("chi-square of position %d", position).isLessThan(110);
        }
    }

    @Test
    void aDeckHoldsEveryCardOnce() {
        for (int n = 0; n < 200; n++) {
            int[] order = SeededShuffle.order(seed(n), n, List.of(new ClientSeed(n % 9, "s" + n)));
            assertThat(Arrays.stream(order).sorted().toArray()).isEqualTo(IntStream.range(0, 52).toArray());
        }
    }

    @Test
    void aSeedThatIsNotThirtyTwoBytesIsRefused() {
        assertThatThrownBy(() -> SeededShuffle.order(new byte[16], 1, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeckInAGivenOrderRefusesMissingOrRepeatedCards() {
        int[] repeated = IntStream.range(0, 52).toArray();
        repeated[51] = 0;
        assertThatThrownBy(() -> Deck.inOrder(repeated)).hasMessageContaining("twice");
        assertThatThrownBy(() -> Deck.inOrder(new int[51])).hasMessageContaining("52 cards");
    }
}
