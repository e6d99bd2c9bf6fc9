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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A player told a hand ended finds it in their hand history at once: the table announces the end only after the
 * hand's record is stored. The database is made slow to store records (a trigger sleeps on every insert), so an
 * announcement sent before the record would reach the player long before it.
 */
class HandEndedAfterItsRecordTest {

    @RegisterExtension
    static final TestServer live = TestServer.forEachTestClass();

    @BeforeAll
    static void slowTheHistoryInsert() throws Exception {
        live.execute("""
                CREATE FUNCTION slow_history_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM pg_sleep(1.5); RETURN NEW; END $$""",
                "CREATE TRIGGER slow_history BEFORE INSERT ON hand_history FOR EACH ROW EXECUTE FUNCTION slow_history_insert()");
    }

    @Test
    void theHandIsInThePlayersHistoryWhenTheyHearItEnded() throws Exception {
        long table = live.openTable("Ledger", 6);
        PokerClient watcher = live.watcher("max", table);
        AutoPlayer kit = AutoPlayer.sitDown(live, "kit", table, 0, "40.00").play(checkOrCall());
        AutoPlayer lou = AutoPlayer.sitDown(live, "lou", table, 1, "40.00").play(checkOrCall());

        TableEvent.HandEnded ended = awaitEvent(watcher, TableEvent.HandEnded.class);
        HttpResponse<String> history = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(live.http() + "/api/hands"))
                .header("Authorization", "Bearer " + live.token("kit")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).as("kit's hands, asked for the moment the hand ended")
                .contains("\"handId\":" + ended.handId());
        kit.close();
        lou.close();
        watcher.close();
    }
}
