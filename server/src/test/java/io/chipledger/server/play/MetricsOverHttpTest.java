package io.chipledger.server.play;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static io.chipledger.server.testing.TestServer.WAIT;
import static io.chipledger.server.testing.TestServer.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An operator's scraper reads {@code /metrics} from the running server: the numbers follow what the tables do. */
class MetricsOverHttpTest {

    @RegisterExtension
    static final TestServer live = TestServer.forEachTestClass();

    @Test
    void countersMoveWithPlayAndTheHeapIsReported() throws Exception {
        Map<String, String> before = scrape();
        long table = live.openTable("Scraped", 6);
        AutoPlayer ann = AutoPlayer.sitDown(live, "metric-ann", table, 0, "50.00");
        AutoPlayer bob = AutoPlayer.sitDown(live, "metric-bob", table, 1, "50.00");
        PokerClient watcher = live.watcher("metric-watch", table);
        ann.play(checkOrCall());
        bob.play(checkOrCall());
        awaitEvent(watcher, TableEvent.HandEnded.class);

        Map<String, String> after = scrape();
        assertThat(value(after.get("poker_connections"))).isEqualTo(3);
        assertThat(value(after.get("poker_tables"))).isGreaterThan(value(before.get("poker_tables")));
        assertThat(value(after.get("poker_hands_settled_total")))
                .isGreaterThan(value(before.get("poker_hands_settled_total")));
        assertThat(value(after.get("poker_actions_total"))).isGreaterThan(0);
        assertThat(value(after.get("poker_ledger_commit_seconds_count"))).isGreaterThan(0);
        // Every stage of a message, from its frame to its broadcast's frames written, is timed (docs/performance.md).
        for (String stage : List.of("frame_decode", "mailbox_wait", "table_engine", "frame_encode", "frame_write",
                "action_broadcast")) {
            assertThat(value(after.get("poker_" + stage + "_seconds_count"))).as(stage)
                    .isGreaterThan(value(before.getOrDefault("poker_" + stage + "_seconds_count", "0")));
        }
        assertThat(value(after.get("poker_ledger_batches_one_round_trip")))
                .isGreaterThan(value(before.get("poker_ledger_batches_one_round_trip")));
        // A hand played writes its progress a move at a time, in batches shared by every table.
        assertThat(value(after.get("poker_progress_steps"))).isGreaterThan(value(before.get("poker_progress_steps")));
        assertThat(value(after.get("poker_progress_step_batches")))
                .isGreaterThan(value(before.get("poker_progress_step_batches")));
        // Every account here was opened by this server, which remembers it, so none needs locking first: zero is right.
        assertThat(after).containsKeys("poker_ledger_batches_under_locks", "poker_ledger_writes_refused");
        long heapUsed = value(after.get("jvm_heap_used_bytes"));
        assertThat(heapUsed).isPositive().isLessThanOrEqualTo(value(after.get("jvm_heap_max_bytes")));
        ann.close();
        bob.close();
        watcher.close();
    }

    private static long value(String sample) {
        return (long) Double.parseDouble(sample);
    }

    /** Sample lines of the exposition format, by metric name (labelled samples are left out). */
    private static Map<String, String> scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(live.http() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        Map<String, String> samples = new HashMap<>();
        for (String line : response.body().split("\n")) {
            if (!line.startsWith("#") && !line.isBlank() && !line.contains("{")) {
                String[] parts = line.split(" ");
                samples.put(parts[0], parts[1]);
            }
        }
        return samples;
    }
}
