package io.chipledger.server.play;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static io.chipledger.server.testing.TestServer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.TestServer;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A player who does not act in time is acted for: a check when checking is free, otherwise a fold. */
class ActionClockTest {

    @RegisterExtension
    static final TestServer live = TestServer.forEachTestClass();

    @Test
    void whenTheClockRunsOutTheTableChecksIfItCanAndFoldsIfItMust() throws Exception {
        long table = live.openFastTable("Clock", 6);
        PokerClient carol = live.watcher("carol", table);
        AutoPlayer alice = AutoPlayer.sitDown(live, "alice", table, 0, "50.00");
        PokerClient idle = live.connect("idle");
        idle.reply(idle.send(r -> new ClientMessage.SitDown(r, table, 1, Money.parse("50.00"))), WAIT);
        alice.play(checkOrCall());

        // The idle player never acts: as the small blind they face the big blind and must fold; as the big blind
        // whose option comes after alice calls, they may check.
        Set<ActionKind> takenByTheClock = EnumSet.noneOf(ActionKind.class);
        while (takenByTheClock.size() < 2) {
            ServerMessage message = carol.next(WAIT);
            assertThat(message).as("the table goes on").isNotNull();
            if (message instanceof ServerMessage.Event event && event.event() instanceof TableEvent.PlayerActed acted && acted.seat() == 1) {
                assertThat(acted.timedOut()).as("the idle player never acted: every action of theirs is the clock's").isTrue();
                assertThat(acted.action()).isIn(ActionKind.CHECK, ActionKind.FOLD);
                takenByTheClock.add(acted.action());
            }
        }
        assertThat(live.chipsOnTable(table)).as("seats and pot hold the 100.00 brought").isEqualTo(Money.parse("100.00"));
        alice.close();
        idle.close();
        carol.close();
    }
}
