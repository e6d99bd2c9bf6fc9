package io.chipledger.server.play;

import static io.chipledger.server.testing.TestServer.WAIT;
import static io.chipledger.server.testing.TestServer.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request sent again with its requestId (a reconnect, a double click) gets the answer it got the first time, even
 * when the table has moved on meanwhile; a requestId reused for another request is refused and moves nothing.
 */
class ResentRequestsTest {

    @RegisterExtension
    static final TestServer live = TestServer.forEachTestClass();

    private static ServerMessage ask(PokerClient client, ClientMessage message) throws InterruptedException {
        client.send(message);
        return client.reply(message.requestId(), WAIT);
    }

    private static ErrorCode code(ServerMessage answer) {
        return answer instanceof ServerMessage.Error error ? error.code() : null;
    }

    /** Issue 16: the top-up, resent once a hand had started, was answered ILLEGAL_ACTION though it had been carried out. */
    @Test
    void aTopUpSentAgainDuringAHandIsAnsweredDoneAndAddsNothing() throws Exception {
        long table = live.openTable("Resent top-up", 6);
        String session = live.token("resend-ann");
        PokerClient ann = PokerClient.connect(live.ws(), session, "ann");
        assertThat(ask(ann, new ClientMessage.SitDown("sit", table, 0, Money.parse("40.00")))).isInstanceOf(ServerMessage.Done.class);
        ClientMessage.TopUp topUp = new ClientMessage.TopUp("top", table, Money.parse("10.00"));
        assertThat(ask(ann, topUp)).isInstanceOf(ServerMessage.Done.class);
        PokerClient bob = live.connect("resend-bob");
        assertThat(ask(bob, new ClientMessage.SitDown("sit", table, 1, Money.parse("40.00")))).isInstanceOf(ServerMessage.Done.class);
        awaitEvent(bob, TableEvent.TurnStarted.class);

        PokerClient back = PokerClient.connect(live.ws(), session, "back"); // the same session, after a reconnect
        ServerMessage again = ask(back, topUp);

        assertThat(again).as("the answer the top-up had").isInstanceOf(ServerMessage.Done.class);
        assertThat(live.wallet("resend-ann")).isEqualTo(Money.parse("950.00"));
        for (PokerClient client : new PokerClient[] {ann, bob, back}) {
            client.close();
        }
    }

    /** Issue 16: the leave, resent after the cash-out, was answered NOT_SEATED. */
    @Test
    void aLeaveSentAgainAfterTheCashOutIsAnsweredDone() throws Exception {
        long table = live.openTable("Resent leave", 6);
        PokerClient cy = live.connect("resend-cy");
        assertThat(ask(cy, new ClientMessage.SitDown("sit", table, 0, Money.parse("40.00")))).isInstanceOf(ServerMessage.Done.class);
        ClientMessage.Leave leave = new ClientMessage.Leave("leave", table);
        assertThat(ask(cy, leave)).isInstanceOf(ServerMessage.Done.class);
        awaitEvent(cy, TableEvent.SeatLeft.class);

        assertThat(ask(cy, leave)).isInstanceOf(ServerMessage.Done.class);
        assertThat(live.wallet("resend-cy")).isEqualTo(Money.parse("1000.00"));
        cy.close();
    }

    /** Issue 16: a sitDown at a second table under the first one's requestId was carried out, as a new buy-in. */
    @Test
    void aRequestIdReusedForAnotherTableOrAmountIsRefusedAndMovesNothing() throws Exception {
        long first = live.openTable("Reuse one", 6);
        long second = live.openTable("Reuse two", 6);
        PokerClient dee = live.connect("resend-dee");
        assertThat(ask(dee, new ClientMessage.SitDown("same", first, 0, Money.parse("40.00")))).isInstanceOf(ServerMessage.Done.class);

        ServerMessage elsewhere = ask(dee, new ClientMessage.SitDown("same", second, 0, Money.parse("40.00")));
        assertThat(ask(dee, new ClientMessage.TopUp("top", first, Money.parse("5.00")))).isInstanceOf(ServerMessage.Done.class);
        ServerMessage otherAmount = ask(dee, new ClientMessage.TopUp("top", first, Money.parse("6.00")));

        assertThat(code(elsewhere)).isEqualTo(ErrorCode.REQUEST_ID_REUSED);
        assertThat(code(otherAmount)).isEqualTo(ErrorCode.REQUEST_ID_REUSED);
        assertThat(live.seat(second, "resend-dee")).isEqualTo(Money.ZERO);
        assertThat(live.seat(first, "resend-dee")).isEqualTo(Money.parse("45.00"));
        assertThat(live.wallet("resend-dee")).isEqualTo(Money.parse("955.00"));
        dee.close();
    }
}
