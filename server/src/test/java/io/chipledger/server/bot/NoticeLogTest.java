package io.chipledger.server.bot;

import static io.chipledger.server.testing.TestServer.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.server.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bots write down each pause and resumption their table announces, once a table, with the time they were told: the
 * cluster harness reads from it when players learnt that play stopped (the database's faults) and started again.
 */
class NoticeLogTest {

    @RegisterExtension
    static final TestServer fixture = TestServer.forEachTestClass().withAdmin();

    @TempDir
    Path dir;

    @Test
    void aPauseAndAResumptionAreWrittenOnceATableWithTheTimeAndReason() throws Exception {
        long table = fixture.openTable("Told", 6);
        Path file = dir.resolve("notices.tsv");
        Instant before = Instant.now();
        try (BotFleet fleet = new BotFleet(fixture.ws()); NoticeLog log = new NoticeLog(file)) {
            fleet.recordNoticesTo(log);
            BotFleet.LobbyTable seated = fleet.lobby().stream().filter(t -> t.id() == table).findFirst().orElseThrow();
            fleet.seat(List.of(seated), 3, 3);
            eventually("a hand ends", () -> fleet.hands() >= 1);
            fixture.adminPost("/api/admin/table/pause", request(table, "dealer break"));
            eventually("the pause is written down", () -> lines(file).size() >= 1);
            fixture.adminPost("/api/admin/table/resume", request(table, "break over"));
            eventually("the resumption is written down", () -> lines(file).size() >= 2);
            fleet.stop(Duration.ofSeconds(30));
        }

        List<String[]> lines = lines(file).stream().map(line -> line.split("\t", -1)).toList();
        assertThat(lines).as("one line a notice, not one a bot").hasSize(2);
        assertThat(lines.get(0)[1]).isEqualTo(Long.toString(table));
        assertThat(lines.get(0)[2]).isEqualTo("paused");
        assertThat(lines.get(0)[3]).contains("dealer break");
        assertThat(lines.get(1)[2]).isEqualTo("resumed");
        assertThat(lines).extracting(line -> line[4]).as("told by the table's numbered events").containsOnly("event");
        for (String[] line : lines) {
            assertThat(Instant.parse(line[0])).isBetween(before, Instant.now());
        }
    }

    private static String request(long tableId, String reason) {
        return "{\"tableId\":" + tableId + ",\"reason\":\"" + reason + "\",\"idempotencyKey\":\"" + TestServer.newKey() + "\"}";
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
