package io.chipledger.server.history.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.server.history.ScriptedHand;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HistoryEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The PokerStars text of hands with side pots, a split pot with an odd cent, an uncalled bet and rake, and a heads-up
 * showdown, byte for byte against golden files (server/src/test/resources/golden/). A mismatch writes the actual text
 * to target/golden-actual/ for review.
 */
class PokerStarsWriterTest {

    private static String text(HandHistory hand) {
        return new PokerStarsWriter(new StringWriter(), null).text(hand);
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path golden = Path.of("src/test/resources/golden", name);
        String expected = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : null;
        if (!actual.equals(expected)) {
            Path written = Path.of("target/golden-actual", name);
            Files.createDirectories(written.getParent());
            Files.writeString(written, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("golden file " + golden).isEqualTo(expected);
    }

    @Test
    void sidePotsMatchTheGoldenFile() throws IOException {
        assertGolden("side-pots.txt", text(ScriptedHand.sidePots()));
    }

    @Test
    void splitPotWithAnOddCentMatchesTheGoldenFile() throws IOException {
        assertGolden("split-pot-odd-cent.txt", text(ScriptedHand.splitPotWithOddCent()));
    }

    @Test
    void uncalledBetAndRakeMatchTheGoldenFile() throws IOException {
        assertGolden("uncalled-bet-rake.txt", text(ScriptedHand.uncalledBetAndRake()));
    }

    @Test
    void headsUpShowdownWithAMuckMatchesTheGoldenFile() throws IOException {
        assertGolden("heads-up-muck.txt", text(ScriptedHand.headsUpShowdownWithMuck()));
    }

    @Test
    void aSidePotIsItsOwnEvenWhenTheAllInHandIsDead() throws IOException {
        HandHistory hand = ScriptedHand.deadAllInSidePot();
        assertThat(hand.events()).as("our settlement paid one merged pot")
                .filteredOn(e -> e instanceof HistoryEvent.PotAwarded).singleElement()
                .satisfies(e -> assertThat(((HistoryEvent.PotAwarded) e).pot()).isZero());

        String text = text(hand);

        assertThat(text).contains("bob collected 60 from side pot\nbob collected 57 from main pot\n")
                .contains("Total pot 120 Main pot 57. Side pot 60. | Rake 3");
        assertGolden("dead-all-in-side-pot.txt", text);
    }

    @Test
    void aPlayersExportIsTheirViewWithTheirDealtToLineAlone() throws IOException {
        HandHistory hand = ScriptedHand.deadAllInSidePot();
        long carol = hand.seats().stream().filter(s -> s.player().equals("carol")).findFirst().orElseThrow().playerId();

        String text = new PokerStarsWriter(new StringWriter(), carol).text(hand.seenBy(carol));

        assertThat(text.lines().filter(line -> line.startsWith("Dealt to"))).containsExactly("Dealt to carol [Ks Kd]");
        assertThat(text).doesNotContain("7c").doesNotContain("2d").contains("bob: shows [As Ad]")
                .contains("Seat 1: alice (small blind) mucked\n").contains("Seat 4: carol (button) mucked [Ks Kd]");
        assertGolden("player-export-carol.txt", text);
    }

    @Test
    void anAdministratorsExportNamesOneHeroPerHand() {
        for (HandHistory hand : ScriptedHand.goldenHands()) {
            String text = text(hand);
            String first = hand.seats().stream().min((a, b) -> Integer.compare(a.seat(), b.seat())).orElseThrow().player();

            assertThat(text.lines().filter(line -> line.startsWith("Dealt to"))).as("hand " + hand.handId())
                    .singleElement().asString().startsWith("Dealt to " + first + " [");
        }
        HandHistory hand = ScriptedHand.deadAllInSidePot();
        long bob = hand.seats().stream().filter(s -> s.player().equals("bob")).findFirst().orElseThrow().playerId();
        assertThat(new PokerStarsWriter(new StringWriter(), bob).text(hand)).as("asked for bob, every card")
                .contains("Dealt to bob [As Ad]").doesNotContain("Dealt to alice").contains("alice (small blind) mucked [7c 2d]");
    }

    @Test
    void aBigBlindPostedToComeInAtOnceIsPostedAsPokerStarsWritesIt() {
        String text = text(ScriptedHand.postedBigBlind());

        assertThat(text).contains("bob: posts big blind 1\ndave: posts big blind 1\n*** HOLE CARDS ***")
                .contains("dave: checks\nerin: folds")
                .contains("Seat 2: bob (big blind) showed").contains("Seat 4: dave ")
                .as("the summary names the big blind's seat only").doesNotContain("dave (big blind)");
    }

    @Test
    void playChipsAreNeverDollarsAndMoneyIs() {
        String play = text(ScriptedHand.sidePots());
        String dollars = text(ScriptedHand.hand(106).currency("USD").seats(2, 1)
                .player(0, "alice", "20.00", "AsAd").player(1, "bob", "50.00", "KsKd")
                .board("Ah Kc 2s 9d 5h").actions("bob folds").play());

        assertThat(play).doesNotContain("$").doesNotContain("USD").startsWith("PokerStars Hand #101:  Hold'em No Limit (0.50/1.00) - ")
                .contains("Table 'Oak' 6-max (Play Money) Seat #6 is the button").contains("Seat 1: alice (20 in chips)");
        assertThat(dollars).contains("Hold'em No Limit ($0.50/$1.00 USD) - ").contains("Table 'Oak' 2-max Seat #2 is the button")
                .contains("Seat 1: alice ($20 in chips)").contains("alice collected $1 from pot");
    }

    @Test
    void potsCollectionsAndRakeAddUpToWhatWentIn() {
        Pattern collected = Pattern.compile("collected ([0-9.]+) from");
        Pattern total = Pattern.compile("Total pot ([0-9.]+)(.*) \\| Rake ([0-9.]+)");
        Pattern pot = Pattern.compile("(?:Main|Side) pot(?:-\\d+)? ([0-9.]+)\\.");
        for (HandHistory hand : ScriptedHand.goldenHands()) {
            String text = text(hand);
            Money collections = Money.ZERO;
            Matcher m = collected.matcher(text);
            while (m.find()) {
                collections = collections.plus(Money.parse(m.group(1)));
            }
            Matcher summary = total.matcher(text);
            assertThat(summary.find()).as(text).isTrue();
            Money rake = Money.parse(summary.group(3));
            assertThat(collections.plus(rake)).as("collected + rake = total pot in hand " + hand.handId())
                    .isEqualTo(Money.parse(summary.group(1)));
            Matcher pots = pot.matcher(summary.group(2));
            Money listed = Money.ZERO;
            boolean any = false;
            while (pots.find()) {
                listed = listed.plus(Money.parse(pots.group(1)));
                any = true;
            }
            if (any) {
                assertThat(listed).as("main and side pots are after rake").isEqualTo(collections);
            }
            Money putIn = Money.ZERO;
            for (HistoryEvent e : hand.events()) {
                if (e instanceof HistoryEvent.Chips chips && HistoryEvent.intoPot(e)) {
                    putIn = putIn.plus(chips.amount());
                } else if (e instanceof HistoryEvent.UncalledBetReturned returned) {
                    putIn = putIn.minus(returned.amount());
                }
            }
            assertThat(Money.parse(summary.group(1))).isEqualTo(putIn);
        }
    }

    @Test
    void aPlayersExportDealsOnlyTheirOwnCards() {
        HandHistory hand = ScriptedHand.uncalledBetAndRake();
        long bob = hand.seats().stream().filter(s -> s.player().equals("bob")).findFirst().orElseThrow().playerId();
        String text = new PokerStarsWriter(new StringWriter(), bob).text(hand.seenBy(bob));
        assertThat(text).contains("Dealt to bob [Jh Th]").doesNotContain("Dealt to carol").doesNotContain("Ac Qd")
                .doesNotContain("8c 3h");
    }

    @Test
    void anOmahaHandIsOmahaPotLimitWithFourHoleCardsAndItsTwoPlusThreeHandsShown() {
        String text = text(ScriptedHand.omahaSplitAndSidePot());

        assertThat(text).startsWith("PokerStars Hand #105:  Omaha Pot Limit (")
                .contains("Dealt to alice [As Kd Qh 2c]")
                .contains("alice: shows [As Kd Qh 2c] (two pair, Aces and Kings)")
                .contains("bob: shows [Ad Ks Qc 2h] (two pair, Aces and Kings)");
    }

    @Test
    void amountsAreWrittenAsPokerStarsWritesThem() {
        assertThat(ChipNotation.DOLLARS.amount(Money.parse("1.00"))).isEqualTo("$1");
        assertThat(ChipNotation.DOLLARS.amount(Money.parse("0.50"))).isEqualTo("$0.50");
        assertThat(ChipNotation.DOLLARS.amount(Money.parse("12.34"))).isEqualTo("$12.34");
        assertThat(ChipNotation.DOLLARS.amount(Money.ZERO)).isEqualTo("$0");
        assertThat(ChipNotation.PLAY_MONEY.amount(Money.parse("100"))).isEqualTo("100");
        assertThat(ChipNotation.PLAY_MONEY.amount(Money.parse("0.50"))).isEqualTo("0.50");
        assertThat(ChipNotation.PLAY_MONEY.stakes(Money.parse("0.50"), Money.parse("1.00"))).isEqualTo("0.50/1.00");
        assertThat(ChipNotation.DOLLARS.stakes(Money.parse("1.00"), Money.parse("2.00"))).isEqualTo("$1/$2 USD");
    }
}
