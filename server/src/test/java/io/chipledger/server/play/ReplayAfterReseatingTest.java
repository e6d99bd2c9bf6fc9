package io.chipledger.server.play;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrFold;
import static io.chipledger.server.testing.TestServer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Private events belong to a player, not to a seat. Players take turns in the same two seats, one hand each, every hole
 * card folded unseen; then everyone replays the table's log from every {@code lastSeq}. Issue 16: the player in seat 0
 * used to be replayed the folded cards, and the options, of everyone who sat there before.
 */
class ReplayAfterReseatingTest {

    private static final int ROUNDS = 3;
    /** Watch and unwatch per replay, within the server's message burst per connection. */
    private static final int REPLAYS_PER_CONNECTION = 15;

    @RegisterExtension
    static final TestServer live = TestServer.forEachTestClass();

    /** Who was dealt in at each seat of each hand, as the table told a spectator. */
    private record Dealt(long hand, int seat) {
    }

    @Test
    void aPlayerReplayingFromAnyPointSeesOnlyTheirOwnCardsAndOptions() throws Exception {
        long table = live.openTable("Musical chairs", 6);
        PokerClient spectator = live.connect("chairs-watch");
        spectator.reply(spectator.send(r -> new ClientMessage.Watch(r, table, 0L)), WAIT);
        List<ServerMessage.Event> log = new ArrayList<>();
        List<String> viewers = new ArrayList<>(List.of("chairs-watch"));
        for (int round = 0; round < ROUNDS; round++) {
            AutoPlayer first = AutoPlayer.sitDown(live, "chairs-a" + round, table, 0, "30.00").play(checkOrFold());
            AutoPlayer second = AutoPlayer.sitDown(live, "chairs-b" + round, table, 1, "30.00").play(checkOrFold());
            viewers.addAll(List.of(first.name(), second.name()));
            readUntil(spectator, log, TableEvent.HandEnded.class);
            if (round < ROUNDS - 1) {
                assertThat(first.leave()).isInstanceOf(ServerMessage.Done.class);
                assertThat(second.leave()).isInstanceOf(ServerMessage.Done.class);
                readUntil(spectator, log, TableEvent.SeatLeft.class);
                readUntil(spectator, log, TableEvent.SeatLeft.class);
            } else {
                live.server().tables().find(table).orElseThrow().pause().join(); // the log holds still for the replays
            }
        }
        readQuietly(spectator, log); // a hand the pause came too late for ends by itself: the players fold it through
        Map<Dealt, String> dealt = whoWasDealtWhere(log);
        assertThat(dealt.values()).as("every seat dealt in had its player").doesNotContainNull()
                .hasSizeGreaterThanOrEqualTo(2 * ROUNDS);

        List<String> leaks = new ArrayList<>();
        long lastSeq = log.get(log.size() - 1).seq();
        for (String viewer : viewers) {
            String token = live.token(viewer);
            for (long from = 0; from < lastSeq; from += REPLAYS_PER_CONNECTION) {
                try (PokerClient replaying = PokerClient.connect(live.ws(), token, viewer + "-" + from)) {
                    for (long lastSeen = from; lastSeen < Math.min(lastSeq, from + REPLAYS_PER_CONNECTION); lastSeen++) {
                        leaks.addAll(leaksIn(replay(replaying, table, lastSeen), viewer, lastSeen, log, dealt));
                    }
                }
            }
        }
        assertThat(leaks).as("private events replayed to someone else").isEmpty();
        spectator.close();
    }

    /** The events a watch from {@code lastSeen} catches a connection up with, then unwatches. */
    private static List<ServerMessage.Event> replay(PokerClient client, long table, long lastSeen) throws Exception {
        client.reply(client.send(r -> new ClientMessage.Watch(r, table, lastSeen)), WAIT);
        String unwatch = client.send(r -> new ClientMessage.Unwatch(r, table));
        List<ServerMessage.Event> caughtUp = new ArrayList<>();
        while (true) {
            ServerMessage message = client.next(WAIT);
            assertThat(message).as("the catch-up from %d ends with the unwatch's answer", lastSeen).isNotNull();
            if (PokerClient.replyTo(unwatch).test(message)) {
                assertThat(message).isInstanceOf(ServerMessage.Done.class);
                return caughtUp;
            }
            if (message instanceof ServerMessage.Event event) {
                caughtUp.add(event);
            }
        }
    }

    private static List<String> leaksIn(List<ServerMessage.Event> caughtUp, String viewer, long lastSeen,
                                        List<ServerMessage.Event> log, Map<Dealt, String> dealt) {
        List<String> leaks = new ArrayList<>();
        long hand = handAt(log, lastSeen);
        for (ServerMessage.Event event : caughtUp) {
            if (event.event() instanceof TableEvent.HandStarted started) {
                hand = started.handId();
            } else if (event.event() instanceof TableEvent.HoleCardsDealt cards && cards.cards() != null
                    && !viewer.equals(dealt.get(new Dealt(hand, cards.seat())))) {
                leaks.add(viewer + " replaying from " + lastSeen + " saw " + dealt.get(new Dealt(hand, cards.seat()))
                        + "'s cards " + cards.cards() + " (hand " + hand + ", seat " + cards.seat() + ")");
            } else if (event.event() instanceof TableEvent.TurnStarted turn && turn.turn().legal() != null
                    && !viewer.equals(dealt.get(new Dealt(hand, turn.turn().seat())))) {
                leaks.add(viewer + " replaying from " + lastSeen + " saw the options of seat " + turn.turn().seat()
                        + " in hand " + hand);
            }
        }
        return leaks;
    }

    /** The hand in play just after event {@code seq}, or -1. */
    private static long handAt(List<ServerMessage.Event> log, long seq) {
        long hand = -1;
        for (ServerMessage.Event event : log) {
            if (event.seq() <= seq && event.event() instanceof TableEvent.HandStarted started) {
                hand = started.handId();
            }
        }
        return hand;
    }

    /** Who sat in each seat dealt into each hand, following seats taken and left. */
    private static Map<Dealt, String> whoWasDealtWhere(List<ServerMessage.Event> log) {
        Map<Integer, String> sitting = new HashMap<>();
        Map<Dealt, String> dealt = new HashMap<>();
        for (ServerMessage.Event event : log) {
            if (event.event() instanceof TableEvent.SeatTaken taken) {
                sitting.put(taken.seat(), taken.player());
            } else if (event.event() instanceof TableEvent.SeatLeft left) {
                sitting.remove(left.seat());
            } else if (event.event() instanceof TableEvent.HandStarted started) {
                started.seatsDealtIn().forEach(seat -> dealt.put(new Dealt(started.handId(), seat), sitting.get(seat)));
            }
        }
        return dealt;
    }

    private static void readUntil(PokerClient client, List<ServerMessage.Event> log, Class<? extends TableEvent> type)
            throws InterruptedException {
        while (true) {
            ServerMessage message = client.next(WAIT);
            assertThat(message).as("the table goes on").isNotNull();
            if (message instanceof ServerMessage.Event event) {
                log.add(event);
                if (type.isInstance(event.event())) {
                    return;
                }
            }
        }
    }

    private static void readQuietly(PokerClient client, List<ServerMessage.Event> log) throws InterruptedException {
        ServerMessage message;
        while ((message = client.next(Duration.ofMillis(300))) != null) {
            if (message instanceof ServerMessage.Event event) {
                log.add(event);
            }
        }
    }
}
