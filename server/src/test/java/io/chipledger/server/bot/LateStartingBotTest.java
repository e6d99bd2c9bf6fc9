package io.chipledger.server.bot;

import static io.chipledger.server.testing.TestServer.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.protocol.ProtocolJson;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The fleet seats every bot before any plays, and a table deals as soon as two sit: at a thousand tables the first
 * tables' turns were played by the clock long before their bots started reading, and each bot then answered the turns
 * it read in its backlog, which were gone (about 0.4 % of a 1,000-table run's actions refused NOT_YOUR_TURN, none at
 * 200 tables; docs/performance.md). A bot that starts late takes only a turn that is still its own.
 */
class LateStartingBotTest {

    private static final Money BUY_IN = Money.parse("50.00");

    @Test
    void aBotThatStartsPlayingLateActsOnlyOnTurnsStillItsOwn() throws Exception {
        try (TestServer live = TestServer.forThisTest().start()) {
            long tableId = live.openFastTable("Late-1", 6); // one second a turn, no time bank
            PokerClient watcher = live.watcher("late-watcher", tableId);
            Bot.Stats stats = new Bot.Stats();
            LatencyRecorder latency = new LatencyRecorder();
            List<Bot> bots = new ArrayList<>();
            List<AtomicLong> heardUpTo = new ArrayList<>();
            for (int seat = 0; seat < 2; seat++) {
                PokerClient client = live.connect("late-" + seat);
                heardUpTo.add(lastEventReceived(client, tableId));
                Bot bot = new Bot(client, tableId, seat, BUY_IN, seat + 1, latency, stats);
                assertThat(bot.sitDown(BUY_IN, TestServer.WAIT)).isInstanceOf(ServerMessage.Done.class);
                bots.add(bot);
            }

            // Nobody reads yet: the clock plays a turn of each bot's, which waits in its backlog with the turn it ended.
            awaitEvent(watcher, TableEvent.PlayerActed.class, acted -> acted.timedOut() && acted.seat() == 0);
            long secondTimeout = ((ServerMessage.Event) watcher.await(m -> m instanceof ServerMessage.Event e
                    && e.event() instanceof TableEvent.PlayerActed acted && acted.timedOut() && acted.seat() == 1,
                    TestServer.WAIT)).seq();
            // The watcher can hear of an event before a player's own socket does. A bot started before its socket had
            // the clock's move would rightly take the turn as still its own, and be refused: not what this test is about.
            TestServer.eventually("both bots received event " + secondTimeout,
                    () -> heardUpTo.stream().allMatch(heard -> heard.get() >= secondTimeout));
            bots.forEach(Bot::play);

            // Then they play: a few of their own moves, none of them refused.
            for (int move = 0; move < 4; move++) {
                awaitEvent(watcher, TableEvent.PlayerActed.class, acted -> !acted.timedOut());
            }
            assertThat(stats.errors()).as("errors: %s", stats.errorsByCode()).isZero();
            assertThat(stats.actionsRefused.get()).isZero();
            assertThat(stats.actions.get()).isPositive();
            bots.forEach(Bot::leave);
        }
    }

    /** The sequence number of the last event of the table {@code client} has received, read or not. */
    private static AtomicLong lastEventReceived(PokerClient client, long tableId) {
        AtomicLong last = new AtomicLong(-1);
        client.tapFrames(frame -> {
            if (ProtocolJson.readServerMessage(frame) instanceof ServerMessage.Event event && event.tableId() == tableId) {
                last.accumulateAndGet(event.seq(), Math::max);
            }
        });
        return last;
    }
}
