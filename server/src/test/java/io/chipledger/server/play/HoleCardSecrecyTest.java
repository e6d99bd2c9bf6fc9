package io.chipledger.server.play;

import static io.chipledger.server.testing.TestServer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ProtocolJson;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.bot.Bot;
import io.chipledger.server.bot.LatencyRecorder;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.testing.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Five bots play many hands while a spectator watches; every frame each connection received is kept exactly as sent.
 * No frame may carry a hole card of another seat before that seat showed it at showdown: not in events, not in
 * snapshots, not mucked cards ever.
 */
class HoleCardSecrecyTest {

    private static final int HANDS = 40;
    @RegisterExtension
    static final TestServer live = TestServer.forEachTestClass();

    /** What one connection received, and the seat it sits in (-1 for a spectator). */
    record Capture(int seat, List<String> frames) {
    }

    @Test
    void noConnectionEverReceivesAnotherPlayersHiddenHoleCards() throws Exception {
        long table = live.openTable("Secrets", 6);
        List<Capture> captures = new ArrayList<>();
        List<PokerClient> clients = new ArrayList<>();
        Bot.Stats stats = new Bot.Stats();
        PokerClient spectator = live.connect("watcher");
        Capture watched = new Capture(-1, new CopyOnWriteArrayList<>());
        spectator.tapFrames(watched.frames()::add);
        captures.add(watched);
        clients.add(spectator);
        spectator.reply(spectator.send(r -> new ClientMessage.Watch(r, table, null)), WAIT);
        for (int seat = 0; seat < 5; seat++) {
            PokerClient client = live.connect("secret" + seat);
            Capture capture = new Capture(seat, new CopyOnWriteArrayList<>());
            client.tapFrames(capture.frames()::add);
            captures.add(capture);
            clients.add(client);
            Bot bot = new Bot(client, table, seat, Money.parse("40.00"), seat + 1, new LatencyRecorder(), stats);
            if (seat == 0) {
                bot.countHands();
            }
            assertThat(bot.sitDown(Money.parse("40.00"), WAIT)).isInstanceOf(ServerMessage.Done.class);
            bot.play();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (stats.handsEnded.get() < HANDS && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        clients.forEach(PokerClient::close);
        assertThat(stats.handsEnded.get()).as("hands played").isGreaterThanOrEqualTo(HANDS);

        Map<Long, Map<Integer, List<String>>> holeCards = holeCardsByHand(captures);
        assertThat(holeCards).as("every hand's hole cards are known to their owners").hasSizeGreaterThanOrEqualTo(HANDS);
        List<String> leaks = new ArrayList<>();
        int shown = 0;
        for (Capture capture : captures) {
            shown += leaksIn(capture, holeCards, leaks);
        }
        assertThat(leaks).as("frames carrying another seat's hidden hole cards").isEmpty();
        assertThat(shown).as("showdowns seen, so shown cards were checked to be allowed").isPositive();
    }

    @Test
    void theCheckFindsACardThatWasNotShown() {
        Capture doctored = new Capture(0, List.of(
                event(1, new TableEvent.HandStarted(7, 0, List.of(0, 1), null, null, Money.parse("0.50"), Money.parse("1.00"))),
                event(2, new TableEvent.HoleCardsDealt(0, List.of("As", "Kd"))),
                event(3, new TableEvent.HoleCardsDealt(1, List.of("Qh", "Qc"))),
                event(4, new TableEvent.CardsShown(1, List.of("Qh", "Qc"), "a pair of Queens")),
                event(5, new TableEvent.HandEnded(7, null))));
        Map<Long, Map<Integer, List<String>>> cards = Map.of(7L, Map.of(0, List.of("As", "Kd"), 1, List.of("Qh", "Qc")));
        List<String> leaks = new ArrayList<>();

        leaksIn(doctored, cards, leaks);

        assertThat(leaks).hasSize(2).anySatisfy(leak -> assertThat(leak).contains("seat 1's Qh"));
    }

    private static String event(long seq, TableEvent event) {
        return ProtocolJson.write(new ServerMessage.Event(1, seq, event));
    }

    /** Each seat's hole cards per hand, as its owner was dealt them. */
    private static Map<Long, Map<Integer, List<String>>> holeCardsByHand(List<Capture> captures) {
        Map<Long, Map<Integer, List<String>>> cards = new HashMap<>();
        for (Capture capture : captures) {
            long hand = -1;
            for (String frame : capture.frames()) {
                ServerMessage message = ProtocolJson.readServerMessage(frame);
                if (message instanceof ServerMessage.Event e && e.event() instanceof TableEvent.HandStarted started) {
                    hand = started.handId();
                } else if (message instanceof ServerMessage.Event e && e.event() instanceof TableEvent.HoleCardsDealt dealt
                        && dealt.cards() != null) {
                    assertThat(dealt.seat()).as("a player is dealt only their own cards").isEqualTo(capture.seat());
                    cards.computeIfAbsent(hand, h -> new HashMap<>()).put(dealt.seat(), dealt.cards());
                }
            }
        }
        return cards;
    }

    /** Adds a line per leaking frame of this connection; returns how many shown hands it saw. */
    private static int leaksIn(Capture capture, Map<Long, Map<Integer, List<String>>> cards, List<String> leaks) {
        long hand = -1;
        Set<Integer> shownSeats = new HashSet<>();
        int shown = 0;
        for (String frame : capture.frames()) {
            ServerMessage message = ProtocolJson.readServerMessage(frame);
            if (message instanceof ServerMessage.Event e && e.event() instanceof TableEvent.HandStarted started) {
                hand = started.handId();
                shownSeats.clear();
            }
            if (message instanceof ServerMessage.Event e && e.event() instanceof TableEvent.CardsShown show) {
                shownSeats.add(show.seat());
                shown++;
                continue; // the showing frame itself may name them
            }
            for (Map.Entry<Integer, List<String>> seat : cards.getOrDefault(hand, Map.of()).entrySet()) {
                if (seat.getKey() == capture.seat() || shownSeats.contains(seat.getKey())) {
                    continue;
                }
                for (String card : seat.getValue()) {
                    if (frame.contains("\"" + card + "\"")) {
                        leaks.add("seat " + capture.seat() + " saw seat " + seat.getKey() + "'s " + card + " in hand " + hand + ": " + frame);
                    }
                }
            }
        }
        return shown;
    }
}
