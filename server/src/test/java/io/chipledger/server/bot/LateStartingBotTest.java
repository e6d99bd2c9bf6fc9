package io.chipledger.server.bot;

import static io.chipledger.server.testing.TestServer.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.money.RakeRule;
import io.chipledger.server.table.TableConfig;
import io.chipledger.server.table.TableDirectory;
import io.chipledger.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
            // Three seconds a turn, no time bank. With one second, a turn the bot found still its own could run out on
            // the clock while the bot's answer was on its way, whenever the machine stalled for that long (a CI run
            // saw the answer and its fallback refused, ILLEGAL_ACTION: the hand had ended).
            TableConfig plain = TableDirectory.plainTable("Late-1", Money.parse("0.50"), Money.parse("1.00"), 6);
            long tableId = live.openTable(new TableConfig(0, "Late-1", plain.currency(), plain.stakes(), 6,
                    plain.minBuyIn(), plain.maxBuyIn(), RakeRule.NONE, Duration.ofSeconds(3), Duration.ZERO));
            PokerClient watcher = live.watcher("late-watcher", tableId);
            Bot.Stats stats = new Bot.Stats();
            LatencyRecorder latency = new LatencyRecorder();
            List<Bot> bots = new ArrayList<>();
            for (int seat = 0; seat < 2; seat++) {
                Bot bot = new Bot(live.connect("late-" + seat), tableId, seat, BUY_IN, seat + 1, latency, stats);
                assertThat(bot.sitDown(BUY_IN, TestServer.WAIT)).isInstanceOf(ServerMessage.Done.class);
                bots.add(bot);
            }

            // Nobody reads yet: the clock plays a turn of each bot's, which waits in its backlog with the turn it ended.
            awaitEvent(watcher, TableEvent.PlayerActed.class, acted -> acted.timedOut() && acted.seat() == 0);
            awaitEvent(watcher, TableEvent.PlayerActed.class, acted -> acted.timedOut() && acted.seat() == 1);
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
}
