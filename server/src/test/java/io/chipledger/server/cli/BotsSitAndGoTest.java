package io.chipledger.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.server.testing.TestServer;
import io.chipledger.server.tournament.play.SitAndGoTables;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code poker-server bots --sng N}: against a live server with a sit-and-go template, bots keep two sit-and-gos filled
 * and played for a while; it reports the tournaments finished per minute, which the database confirms, and the
 * ledger audit is clean. Without a template it says what to do.
 */
class BotsSitAndGoTest {

    @RegisterExtension
    static final TestServer live = TestServer.forEachTestClass().withAdmin();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int poker(String... args) {
        return PokerServer.commandLine(Terminal.of(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of())).execute(args);
    }

    @Test
    void botsFillSitAndGosPlayThemToTheEndAndReportTheTournamentsFinishedPerMinute() throws Exception {
        assertThat(poker("bots", "--url", live.ws(), "--sng", "1", "--seconds", "1")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no sit-and-go is registering");

        SitAndGoTables.registering(live, "Bot turbo", 4, "1.00", "0.10", "65/35", 2);
        int code = poker("bots", "--url", live.ws(), "--sng", "2", "--seconds", "15");

        String said = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(said + err.toString(StandardCharsets.UTF_8)).isZero();
        Matcher finished = Pattern.compile("(\\d+) sit-and-gos finished in [\\d.]+ min \\(([\\d.]+) per minute\\), (\\d+) actions; 0 errors")
                .matcher(said);
        assertThat(finished.find()).as(said).isTrue();
        long reported = Long.parseLong(finished.group(1));
        assertThat(reported).as("each of the two slots finished at least one").isGreaterThanOrEqualTo(2);
        assertThat(Double.parseDouble(finished.group(2))).isPositive();
        assertThat(live.count("SELECT count(*) FROM tournament WHERE status = 'FINISHED'")).isEqualTo(reported);
        assertThat(live.count("SELECT count(*) FROM tournament WHERE status = 'RUNNING'")).as("none left running").isZero();
        assertThat(live.audit().clean()).isTrue();
    }
}
