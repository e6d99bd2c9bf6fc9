package io.chipledger.server.bot;

import static io.chipledger.server.testing.TestServer.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bots write down what the server acknowledged to them (buy-ins, top-ups, settled hands, cash-outs), in a form the
 * cluster harness checks against the journal; here each line is looked up as the harness's SQL does.
 */
class AcknowledgementLogTest {

    @RegisterExtension
    static final TestServer fixture = TestServer.forEachTestClass();

    @TempDir
    Path dir;

    @Test
    void everyChipMovementAcknowledgedToABotNamesAPostingInTheJournal() throws Exception {
        long table = fixture.openTable("Acknowledged", 6);
        Path file = dir.resolve("acked.tsv");
        try (BotFleet fleet = new BotFleet(fixture.ws()); AcknowledgementLog log = new AcknowledgementLog(file)) {
            fleet.recordAcknowledgementsTo(log);
            BotFleet.LobbyTable seated = fleet.lobby().stream().filter(t -> t.id() == table).findFirst().orElseThrow();
            fleet.seat(List.of(seated), 3, 3);
            eventually("three hands end", () -> fleet.hands() >= 3);
            fleet.stop(Duration.ofSeconds(30));
            assertThat(fleet.botsStillSeated()).as("every bot cashed out").isZero();
        }

        List<String[]> lines = Files.readAllLines(file).stream().map(line -> line.split("\t")).toList();
        assertThat(lines).extracting(line -> line[0]).contains("buyin", "hand", "cashout");
        for (String[] line : lines) {
            String kind = line[0];
            long tableId = Long.parseLong(line[1]);
            assertThat(tableId).isEqualTo(table);
            String ref = line[3];
            long found = switch (kind) {
                case "buyin", "topup" -> postings(kind + ":t" + tableId + ":p" + fixture.playerId(line[2]) + ":" + ref);
                case "cashout" -> postings("cashout:buyin:t" + tableId + ":p" + fixture.playerId(line[2]) + ":" + ref);
                case "hand" -> fixture.count("SELECT count(*) FROM hand WHERE status = 'SETTLED' AND id = " + Long.parseLong(ref))
                        * fixture.count("SELECT count(*) FROM posting WHERE hand_ref = 'h" + Long.parseLong(ref) + "'");
                default -> 0;
            };
            assertThat(found).as(String.join(" ", line)).isPositive();
        }
    }

    private static long postings(String key) {
        return fixture.count("SELECT count(*) FROM posting WHERE idempotency_key = '" + key.replace("'", "''") + "'");
    }
}
