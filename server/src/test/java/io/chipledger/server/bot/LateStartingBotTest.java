package io.chipledger.server.bot;

import static io.chipledger.server.testing.TestServer.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.protocol.ProtocolJson;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.money.RakeRule;
import io.chipledger.server.table.TableConfig;
import io.chipledger.server.table.TableDirectory;
import io.chipledger.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    /**
     * A turn still the bot's when it starts reading has been on the clock all the while, so the bot answers it at once
     * instead of thinking first. Here the think time (15 to 45 s) is longer than the whole clock (5 s): only an
     * answer at once can be the bot's own move rather than the clock's.
     */
    @Test
    void aTurnStillItsOwnWhenTheBotStartsReadingIsAnsweredAtOnce() throws Exception {
        try (TestServer live = TestServer.forThisTest().start()) {
            TableConfig plain = TableDirectory.plainTable("Late-2", Money.parse("0.50"), Money.parse("1.00"), 6);
            long tableId = live.openTable(new TableConfig(0, "Late-2", plain.currency(), plain.stakes(), 6,
                    plain.minBuyIn(), plain.maxBuyIn(), RakeRule.NONE, Duration.ofSeconds(5), Duration.ZERO));
            PokerClient watcher = live.watcher("late2-watcher", tableId);
            Bot.Stats stats = new Bot.Stats();
            List<Bot> bots = new ArrayList<>();
            List<CompletableFuture<Void>> toldTheirTurn = new ArrayList<>();
            for (int seat = 0; seat < 2; seat++) {
                PokerClient client = live.connect("late2-" + seat);
                toldTheirTurn.add(onTheirTurn(client, seat));
                Bot bot = new Bot(client, tableId, seat, BUY_IN, seat + 1, new LatencyRecorder(), stats);
                bot.thinkFor(Duration.ofSeconds(30));
                assertThat(bot.sitDown(BUY_IN, TestServer.WAIT)).isInstanceOf(ServerMessage.Done.class);
                bots.add(bot);
            }

            int seat = awaitEvent(watcher, TableEvent.TurnStarted.class).turn().seat();
            // The watcher can hear of the turn before the player's own socket does; the backlog must hold it.
            toldTheirTurn.get(seat).get(TestServer.WAIT.toSeconds(), TimeUnit.SECONDS);
            bots.get(seat).play(); // its backlog ends with this turn, still running

            TableEvent.PlayerActed acted = awaitEvent(watcher, TableEvent.PlayerActed.class, a -> a.seat() == seat);
            assertThat(acted.timedOut()).as("the bot's own move, not the clock's").isFalse();
            assertThat(stats.errors()).as("errors: %s", stats.errorsByCode()).isZero();
            bots.forEach(Bot::leave);
        }
    }

    /** Completes once {@code client} has received its seat's turn (with the actions it may take), read or not. */
    private static CompletableFuture<Void> onTheirTurn(PokerClient client, int seat) {
        CompletableFuture<Void> told = new CompletableFuture<>();
        client.tapFrames(frame -> {
            if (ProtocolJson.readServerMessage(frame) instanceof ServerMessage.Event event
                    && event.event() instanceof TableEvent.TurnStarted turn
                    && turn.turn().seat() == seat && turn.turn().legal() != null) {
                told.complete(null);
            }
        });
        return told;
    }
}
