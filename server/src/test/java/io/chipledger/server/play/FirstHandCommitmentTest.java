package io.chipledger.server.play;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static io.chipledger.server.testing.TestServer.WAIT;
import static io.chipledger.server.testing.TestServer.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.game.SeededShuffle;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.TestServer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A new table's first hand is as provably fair as the rest: its deck is committed to in the table's snapshot before
 * it starts, a seated player can add a client seed against that commitment, and the hand deals from that deck.
 */
class FirstHandCommitmentTest {

    @RegisterExtension
    static final TestServer live = TestServer.forEachTestClass();

    @Test
    void theFirstHandDealsFromTheDeckItsTableAnnouncedAndTakesAClientSeed() throws Exception {
        long table = live.openTable("Fresh", 2);
        PokerClient ann = live.connect("first-ann");
        ann.reply(ann.send(r -> new ClientMessage.SitDown(r, table, 0, Money.parse("50.00"))), WAIT);
        ann.send(r -> new ClientMessage.Watch(r, table, null));
        ServerMessage.Snapshot snapshot = (ServerMessage.Snapshot) ann.await(m -> m instanceof ServerMessage.Snapshot, WAIT);
        String announced = snapshot.table().nextDeckCommitment();
        assertThat(snapshot.table().handId()).as("no hand has started").isNull();
        assertThat(announced).matches("[0-9a-f]{64}");
        assertThat(ann.reply(ann.send(r -> new ClientMessage.SetClientSeed(r, table, announced, "ann-was-here")), WAIT))
                .isInstanceOf(ServerMessage.Done.class);

        AutoPlayer ben = AutoPlayer.sitDown(live, "first-ben", table, 1, "50.00").play(checkOrCall());
        TableEvent.HandStarted started = awaitEvent(ann, TableEvent.HandStarted.class);
        AutoPlayer.takeOver(ann, table, started.handId()).play(checkOrCall());
        TableEvent.HandEnded ended = awaitEvent(watcherOf(table), TableEvent.HandEnded.class, e -> e.handId() == started.handId());

        assertThat(started.deckCommitment()).isEqualTo(announced);
        assertThat(SeededShuffle.commitment(HexFormat.of().parseHex(ended.serverSeed()))).isEqualTo(announced);
        ann.close();
        ben.close();
    }

    /** A spectator that catches up from the start of the table's log, so it hears the first hand end. */
    private static PokerClient watcherOf(long table) throws Exception {
        PokerClient watcher = live.connect("first-watch");
        watcher.reply(watcher.send(r -> new ClientMessage.Watch(r, table, 0L)), WAIT);
        return watcher;
    }
}
