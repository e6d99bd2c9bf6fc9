package io.chipledger.server.play;

import static io.chipledger.server.testing.TestServer.WAIT;
import static io.chipledger.server.testing.TestServer.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.table.SeatTimeouts;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On a real server and database: a busted player is offered a rebuy for a bounded time, a top-up that would leave the
 * stack below the table minimum is refused, and the seat is given up when the window closes unless they bought back in.
 */
class RebuyWindowTest {

    private static final Duration WINDOW = Duration.ofSeconds(2);

    @RegisterExtension
    static final TestServer live = TestServer.forEachTestClass().settings(ServerSettings.forTests()
            .withSeatTimeouts(SeatTimeouts.defaults().withRebuyWindow(WINDOW)));

    /** All-in whenever it may raise, a call otherwise: someone busts within a few hands. */
    private static final AutoPlayer.Policy SHOVE = legal -> new AutoPlayer.Choice(
            legal.maxRaiseTo() != null ? ActionKind.ALL_IN : legal.canCheck() ? ActionKind.CHECK : ActionKind.CALL, null);

    @Test
    void aBustedPlayerWhoDoesNotBuyBackInLosesTheSeatWithNothingLostOrMade() throws Exception {
        long table = live.openTable("Bust", 6);
        PokerClient carol = live.watcher("carol", table);
        try (AutoPlayer erin = AutoPlayer.sitDown(live, "erin", table, 0, "30.00").play(SHOVE);
             AutoPlayer frank = AutoPlayer.sitDown(live, "frank", table, 1, "30.00").play(SHOVE)) {
            TableEvent.RebuyOffered offer = awaitEvent(carol, TableEvent.RebuyOffered.class);
            AutoPlayer busted = offer.seat() == 0 ? erin : frank;

            ServerMessage cent = busted.request(r -> new ClientMessage.TopUp(r, table, Money.parse("0.01")));
            assertThat(cent).isInstanceOfSatisfying(ServerMessage.Error.class,
                    error -> assertThat(error.code()).isEqualTo(ErrorCode.BUY_IN_OUT_OF_RANGE));
            ServerMessage over = busted.request(r -> new ClientMessage.TopUp(r, table, Money.parse("100.01")));
            assertThat(over).isInstanceOfSatisfying(ServerMessage.Error.class,
                    error -> assertThat(error.code()).isEqualTo(ErrorCode.BUY_IN_OUT_OF_RANGE));

            TableEvent.SeatLeft left = awaitEvent(carol, TableEvent.SeatLeft.class, e -> e.seat() == offer.seat());
            assertThat(left.player()).isEqualTo(busted.name());
            assertThat(left.cashedOut()).isEqualTo(Money.ZERO);
            assertThat(live.wallet(busted.name())).isEqualTo(Money.parse("970.00"));
            assertThat(live.wallet("erin").plus(live.wallet("frank")).plus(live.chipsOnTable(table)))
                    .as("no chip lost or made").isEqualTo(Money.parse("2000.00"));
            assertThat(live.server().tables().find(table).orElseThrow().lobbyEntry().join().seated()).isEqualTo(1);
        }
        assertThat(live.audit().clean()).isTrue();
        carol.close();
    }

    @Test
    void aBustedPlayerWhoBuysBackInWithinTheWindowKeepsTheSeat() throws Exception {
        long table = live.openTable("Rebuy", 6);
        PokerClient carol = live.watcher("carol2", table);
        try (AutoPlayer gus = AutoPlayer.sitDown(live, "gus", table, 0, "30.00").play(SHOVE);
             AutoPlayer hana = AutoPlayer.sitDown(live, "hana", table, 1, "30.00").play(SHOVE)) {
            TableEvent.RebuyOffered offer = awaitEvent(carol, TableEvent.RebuyOffered.class);
            AutoPlayer busted = offer.seat() == 0 ? gus : hana;

            ServerMessage rebuy = busted.request(r -> new ClientMessage.TopUp(r, table, Money.parse("20.00")));

            assertThat(rebuy).isInstanceOf(ServerMessage.Done.class);
            awaitEvent(carol, TableEvent.HandStarted.class, started -> started.seatsDealtIn().contains(offer.seat()));
            AutoPlayer other = busted == gus ? hana : gus;
            other.leave(); // no more hands, so nothing but the closed window could take the seat from here
            awaitEvent(carol, TableEvent.SeatLeft.class, e -> e.player().equals(other.name()));
            Thread.sleep(WINDOW.toMillis() + 500);
            assertThat(live.server().tables().find(table).orElseThrow().lobbyEntry().join().players())
                    .contains(busted.name());
            assertThat(live.wallet(busted.name())).isEqualTo(Money.parse("950.00"));
        }
        assertThat(live.audit().clean()).isTrue();
        carol.close();
    }
}
