package io.chipledger.server.play;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static io.chipledger.server.testing.TestServer.WAIT;
import static io.chipledger.server.testing.TestServer.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.protocol.TableView;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A player's connection drops in the middle of a hand; they reconnect and say the last event they saw. They get
 * exactly the events they missed, in order, then the table tells everyone they are back, and the hand plays on. A
 * client that remembers nothing gets a snapshot with its own hole cards and nobody else's.
 */
class ReconnectTest {

    @RegisterExtension
    static final TestServer live = TestServer.forEachTestClass();

    @Test
    void aPlayerWhoDropsMidHandCatchesUpFromTheLastEventTheySawAndPlaysOn() throws Exception {
        long table = live.openTable("Return", 6);
        PokerClient alice = live.connect("alice");
        PokerClient bob = live.connect("bob");
        PokerClient carol = live.watcher("carol", table);
        alice.reply(alice.send(r -> new ClientMessage.SitDown(r, table, 0, Money.parse("100.00"))), WAIT);
        bob.reply(bob.send(r -> new ClientMessage.SitDown(r, table, 1, Money.parse("100.00"))), WAIT);

        // Alice follows the table until her hole cards arrive, then her connection drops.
        long lastSeq = -1;
        long handId = -1;
        List<String> holeCards = null;
        while (holeCards == null) {
            ServerMessage message = alice.next(WAIT);
            assertThat(message).as("alice hears the table").isNotNull();
            if (message instanceof ServerMessage.Event event) {
                lastSeq = event.seq();
                if (event.event() instanceof TableEvent.HandStarted started) {
                    handId = started.handId();
                } else if (event.event() instanceof TableEvent.HoleCardsDealt dealt && dealt.seat() == 0) {
                    holeCards = dealt.cards();
                }
            }
        }
        alice.close();
        awaitEvent(carol, TableEvent.ConnectionChanged.class, c -> c.seat() == 0 && !c.connected());

        PokerClient back = live.connect("alice");
        long resumeFrom = lastSeq;
        assertThat(back.reply(back.send(r -> new ClientMessage.Watch(r, table, resumeFrom)), WAIT)).isInstanceOf(ServerMessage.Done.class);
        List<ServerMessage.Event> caughtUp = new ArrayList<>();
        while (caughtUp.isEmpty() || !(caughtUp.get(caughtUp.size() - 1).event() instanceof TableEvent.ConnectionChanged c && c.connected())) {
            ServerMessage message = back.next(WAIT);
            assertThat(message).as("alice catches up").isNotNull().isInstanceOf(ServerMessage.Event.class);
            caughtUp.add((ServerMessage.Event) message);
        }
        for (int i = 0; i < caughtUp.size(); i++) {
            assertThat(caughtUp.get(i).seq()).as("every missed event once, in order").isEqualTo(resumeFrom + 1 + i);
        }
        assertThat(caughtUp).extracting(ServerMessage.Event::event)
                .contains(new TableEvent.ConnectionChanged(0, false))
                .anySatisfy(e -> assertThat(e).isInstanceOf(TableEvent.TurnStarted.class));
        for (ServerMessage.Event event : caughtUp) {
            if (event.event() instanceof TableEvent.TurnStarted turn) {
                assertThat(turn.turn().legal() != null).as("only alice's own turn shows her options").isEqualTo(turn.turn().seat() == 0);
            }
        }

        // A client that remembers nothing gets the whole table, with alice's cards for alice only.
        PokerClient fresh = live.connect("alice");
        fresh.send(r -> new ClientMessage.Watch(r, table, null));
        TableView view = ((ServerMessage.Snapshot) fresh.await(m -> m instanceof ServerMessage.Snapshot, WAIT)).table();
        assertThat(view.handId()).isEqualTo(handId);
        List<String> dealt = holeCards;
        assertThat(view.seats()).filteredOn(s -> s.seat() == 0).singleElement()
                .satisfies(s -> assertThat(s.holeCards()).isEqualTo(dealt));
        assertThat(view.seats()).filteredOn(s -> s.seat() == 1).singleElement()
                .satisfies(s -> assertThat(s.holeCards()).as("bob's cards stay hidden").isNull());
        TableView spectated = ((ServerMessage.Snapshot) carolSnapshot(table)).table();
        assertThat(spectated.seats()).allSatisfy(s -> assertThat(s.holeCards()).isNull());
        fresh.close();

        // The hand plays on to its end with alice back in it, and the chips add up. If the turn she caught up on is
        // hers, she takes it now; later turns come to her listener.
        TableView.Turn pending = null;
        for (ServerMessage.Event event : caughtUp) {
            if (event.event() instanceof TableEvent.TurnStarted turn) {
                pending = turn.turn();
            }
        }
        AutoPlayer.takeOver(back, table, handId).play(checkOrCall());
        if (pending != null && pending.seat() == 0) {
            ActionKind action = pending.legal().canCheck() ? ActionKind.CHECK : ActionKind.CALL;
            long current = handId;
            back.send(r -> new ClientMessage.Act(r, table, current, action, null));
        }
        AutoPlayer.takeOver(bob, table, handId).play(checkOrCall());
        long hand = handId;
        awaitEvent(carol, TableEvent.HandEnded.class, e -> e.handId() == hand);
        assertThat(live.chipsOnTable(table)).as("the next hand may have begun: seats and pot hold the 200.00 brought").isEqualTo(Money.parse("200.00"));
        assertThat(live.audit().clean()).isTrue();
        back.close();
        bob.close();
        carol.close();
    }

    private static ServerMessage carolSnapshot(long table) throws Exception {
        try (PokerClient spectator = live.connect("carol")) {
            spectator.send(r -> new ClientMessage.Watch(r, table, null));
            return spectator.await(m -> m instanceof ServerMessage.Snapshot, WAIT);
        }
    }
}
