package io.chipledger.server.history.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.server.history.ScriptedHand;
import io.chipledger.server.history.phh.PhhEntry;
import io.chipledger.server.history.phh.PhhReader;
import io.chipledger.server.history.phh.PhhReplayer;
import io.chipledger.server.history.phh.ReplayResult;
import io.chipledger.server.history.record.HandHistory;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhhWriterTest {

    @Test
    void exportedHandsReplayToTheStacksTheyEndedWithRakeIncluded() throws Exception {
        StringWriter out = new StringWriter();
        PhhWriter writer = new PhhWriter(out);
        for (HandHistory hand : ScriptedHand.goldenHands()) {
            assertThat(writer.write(hand)).isTrue();
        }
        writer.finish();

        List<PhhEntry> entries = new PhhReader().read(out.toString(), "export.phhs");

        assertThat(entries).hasSize(ScriptedHand.goldenHands().size()).allMatch(e -> e instanceof PhhEntry.Readable, out.toString());
        for (PhhEntry entry : entries) {
            ReplayResult result = new PhhReplayer().replay(((PhhEntry.Readable) entry).hand());
            assertThat(result).as(out.toString()).isInstanceOf(ReplayResult.Matched.class);
        }
    }

    @Test
    void anOmahaHandIsWrittenAsPotLimitOmahaAndReplaysToItsStacks() throws Exception {
        String text = new PhhWriter(new StringWriter()).text(ScriptedHand.omahaSplitAndSidePot());

        assertThat(text).contains("variant = 'PO'").contains("'d dh p1 AsKdQh2c'")
                .contains("'p3 cbr 3.50', 'p1 cbr 11.50', 'p2 cbr 38.00', 'p3 cc', 'p1 cc'")
                .contains("finishing_stacks = [45.02, 132.99, 52.00]");
        List<PhhEntry> entries = new PhhReader().read(text, "omaha.phhs");
        assertThat(new PhhReplayer().replay(((PhhEntry.Readable) entries.get(0)).hand()))
                .isInstanceOf(ReplayResult.Matched.class);
    }

    @Test
    void aBigBlindPostedToComeInAtOnceIsInItsPlayersEntryAndReplaysAsALivePost() throws Exception {
        String text = new PhhWriter(new StringWriter()).text(ScriptedHand.postedBigBlind());

        assertThat(text).contains("blinds_or_straddles = [0.50, 1.00, 1.00, 0.00]")
                .contains("_posted_big_blinds = [3]")
                .contains("'p3 cc', 'p4 f', 'p1 cc', 'p2 cc'")
                .contains("finishing_stacks = [49.00, 54.00, 37.00, 50.00]");
        List<PhhEntry> entries = new PhhReader().read(text, "posted.phhs");
        assertThat(new PhhReplayer().replay(((PhhEntry.Readable) entries.get(0)).hand()))
                .as("replayed with p3's big blind live, under the gun").isInstanceOf(ReplayResult.Matched.class);
        // Read as a straddle (what the field tells apart), the same actions are played out of turn.
        List<PhhEntry> straddled = new PhhReader().read(text.replace("_posted_big_blinds = [3]\n", ""), "straddled.phhs");
        assertThat(new PhhReplayer().replay(((PhhEntry.Readable) straddled.get(0)).hand()))
                .isNotInstanceOf(ReplayResult.Matched.class);
    }

    @Test
    void headsUpKeepsPhhOrderTheBigBlindIsP1AndTheButtonP2() {
        String text = new PhhWriter(new StringWriter()).text(ScriptedHand.headsUpShowdownWithMuck());
        assertThat(text).contains("blinds_or_straddles = [0.05, 0.10]")
                .contains("starting_stacks = [10.00, 9.73]")
                .contains("'d dh p1 KdKh', 'd dh p2 Jc9c', 'p2 cbr 0.30', 'p1 cbr 0.90', 'p2 cc'")
                .contains("'p1 sm KdKh', 'p2 sm'")
                .contains("_rake_percent = 5.00");
    }

    @Test
    void aPlayersExportHidesCardsThatWereNeverShown() {
        HandHistory hand = ScriptedHand.uncalledBetAndRake();
        long bob = hand.seats().stream().filter(s -> s.player().equals("bob")).findFirst().orElseThrow().playerId();
        String text = new PhhWriter(new StringWriter()).text(hand.seenBy(bob));
        assertThat(text).contains("d dh p3 ????").contains("d dh p2 JhTh").doesNotContain("AcQd");
    }

    @Test
    void namesThatAreNotPlainTomlAreEscaped() {
        assertThat(PhhWriter.quoted("alice")).isEqualTo("'alice'");
        assertThat(PhhWriter.quoted("o'neil")).isEqualTo("\"o'neil\"");
        assertThat(PhhWriter.quoted("a\"b\\c")).isEqualTo("'a\"b\\c'");
        assertThat(PhhWriter.quoted("o'\"x\\")).isEqualTo("\"o'\\\"x\\\\\"");
    }
}
