package io.chipledger.server.game.holdem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link HandInvariants} over thousands of random hands ({@link RandomHandPlayer}), each from its own seed. A failure
 * names the seed and the commands played; {@code -Dholdem.seed=N} replays that one hand alone. The coverage figures
 * at the end make sure the random tables really reach what the invariants are about: side pots, split pots, odd
 * cents, all-in runouts, rake, both variants, and every kind of refusal (the pot limit's among them).
 */
class HoldemHandPropertyTest {

    private static final long FIRST_SEED = 2_026_000L;
    /** A few seconds; {@code -Dholdem.hands=N} plays more for a soak run. */
    private static final int HANDS = Integer.getInteger("holdem.hands", 3_000);

    @Test
    void randomHandsConserveChipsSettleEveryPotAndRefuseIllegalCommandsWithoutChangingAnything() {
        Long only = Long.getLong("holdem.seed");
        if (only != null) {
            RandomHandPlayer.play(only);
            return;
        }
        Coverage coverage = new Coverage();
        for (long seed = FIRST_SEED; seed < FIRST_SEED + HANDS; seed++) {
            coverage.add(RandomHandPlayer.play(seed));
        }

        assertThat(coverage.hands).isEqualTo(HANDS);
        assertThat(coverage.count).as("hands by what they reached").allSatisfy((what, hands) ->
                assertThat(hands).as(what).isGreaterThanOrEqualTo(HANDS / 50));
        assertThat(coverage.count).containsOnlyKeys(Coverage.KINDS);
        assertThat(coverage.refusalsSeen).as("kinds of refusal met").containsExactlyInAnyOrder(Refusal.values());
        assertThat(coverage.refusals).as("illegal commands refused").isGreaterThan(10L * HANDS);
    }

    /** How many hands reached each situation the invariants speak about. */
    private static final class Coverage {
        static final List<String> KINDS = List.of("players 2", "players 10", "showdown", "won without showdown",
                "side pots", "split pot", "odd cent", "all-in runout", "mucked hand", "straddle", "uniform ante",
                "big-blind ante", "rake taken", "any-raise reopening", "pot-limit Omaha", "Omaha split pot",
                "Omaha side pots");

        final Map<String, Integer> count = new HashMap<>();
        final EnumSet<Refusal> refusalsSeen = EnumSet.noneOf(Refusal.class);
        int hands;
        long refusals;

        void add(RandomHandPlayer.Played played) {
            hands++;
            refusals += played.refusals();
            refusalsSeen.addAll(played.refusalsSeen());
            HandSetup setup = played.setup();
            EventLedger ledger = EventLedger.of(played.hand().events());
            int players = setup.players().size();
            count("players 2", players == 2);
            count("players 10", players == 10);
            count("showdown", ledger.live(setup).size() > 1);
            count("won without showdown", ledger.live(setup).size() == 1);
            count("side pots", ledger.awards().stream().mapToInt(HandEvent.PotAwarded::potIndex).max().orElse(0) > 0);
            count("split pot", ledger.awards().stream().map(HandEvent.PotAwarded::potIndex).distinct().count()
                    < ledger.awards().size());
            count("odd cent", ledger.awards().stream().anyMatch(HandEvent.PotAwarded::oddCent));
            count("all-in runout", ledger.tabled());
            count("mucked hand", played.hand().events().stream().anyMatch(e -> e instanceof HandEvent.HandMucked));
            count("straddle", setup.stakes().hasStraddle());
            count("uniform ante", setup.stakes().ante() instanceof Ante.Uniform);
            count("big-blind ante", setup.stakes().ante() instanceof Ante.BigBlind);
            count("rake taken", ledger.rake().isPositive());
            count("any-raise reopening", setup.reopening() == Reopening.ANY_RAISE);
            boolean omaha = setup.variant() == Variant.POT_LIMIT_OMAHA_HOLDEM;
            count("pot-limit Omaha", omaha);
            count("Omaha split pot", omaha && ledger.awards().stream().map(HandEvent.PotAwarded::potIndex).distinct()
                    .count() < ledger.awards().size());
            count("Omaha side pots", omaha && ledger.awards().stream().mapToInt(HandEvent.PotAwarded::potIndex).max()
                    .orElse(0) > 0);
        }

        private void count(String kind, boolean reached) {
            if (reached) {
                count.merge(kind, 1, Integer::sum);
            }
        }
    }
}
