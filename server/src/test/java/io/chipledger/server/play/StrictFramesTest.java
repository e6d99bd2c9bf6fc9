package io.chipledger.server.play;

import static io.chipledger.server.testing.TestServer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16: frames a lenient reader took as something the client did not write ({@code "+50"} as 50.00,
 * {@code seat: "1"} as 1) and frames that reached the table as nulls (an INTERNAL answer and a NullPointerException)
 * are refused over a real socket with their code, the connection stays open, and nothing moves.
 */
class StrictFramesTest {

    @RegisterExtension
    static final TestServer live = TestServer.forEachTestClass();

    @Test
    void looseAmountsCoercedFieldsAndNullsAreRefusedAndNothingMoves() throws Exception {
        long table = live.openTable("Strict", 6);
        PokerClient erin = live.connect("erin");
        assertThat(erin.reply(erin.send(r -> new ClientMessage.SitDown(r, table, 0, Money.parse("50.00"))), WAIT))
                .isInstanceOf(ServerMessage.Done.class);
        Money wallet = live.wallet("erin");
        Money seat = live.seat(table, "erin");

        for (String amount : new String[] {"+50", " 50", "50.000", "50.", "\\u200350", "50\\n", ".5"}) {
            String frame = "{\"type\":\"topUp\",\"requestId\":\"t\",\"tableId\":" + table + ",\"amount\":\"" + amount + "\"}";
            assertThat(refusal(erin, "t", frame)).as(frame).isEqualTo(ErrorCode.BAD_AMOUNT);
        }
        String[][] badMessages = {
                {"s1", "{\"type\":\"sitDown\",\"requestId\":\"s1\",\"tableId\":" + table + ",\"seat\":\"1\",\"amount\":\"50\"}"},
                {"c1", "{\"type\":\"chat\",\"requestId\":\"c1\",\"tableId\":" + table + ",\"text\":1}"},
                {"c2", "{\"type\":\"chat\",\"requestId\":\"c2\",\"tableId\":" + table + ",\"text\":null}"},
                {"u1", "{\"type\":\"topUp\",\"requestId\":\"u1\",\"tableId\":" + table + ",\"amount\":null}"},
                {"w1", "{\"type\":\"sitDown\",\"requestId\":\"w1\",\"tableId\":" + table + ",\"seat\":2,\"amount\":null}"},
                {"a1", "{\"type\":\"act\",\"requestId\":\"a1\",\"tableId\":" + table + ",\"handId\":1,\"action\":null}"},
                {"k1", "{\"type\":\"setClientSeed\",\"requestId\":\"k1\",\"tableId\":" + table + ",\"commitment\":null,\"seed\":\"x\"}"},
        };
        for (String[] bad : badMessages) {
            assertThat(refusal(erin, bad[0], bad[1])).as(bad[1]).isEqualTo(ErrorCode.BAD_MESSAGE);
        }
        // A numeric requestId is refused too, and the refusal cannot name a request the client did not name.
        for (String frame : new String[] {"{\"type\":\"ping\",\"requestId\":123}", "null", "[]", "\"ping\"", "7"}) {
            erin.sendRaw(frame);
            ServerMessage answer = erin.await(m -> m instanceof ServerMessage.Error e && e.requestId() == null, WAIT);
            assertThat(((ServerMessage.Error) answer).code()).as(frame).isIn(ErrorCode.BAD_MESSAGE, ErrorCode.BAD_JSON);
        }

        String ping = erin.send(ClientMessage.Ping::new);
        assertThat(erin.await(m -> m instanceof ServerMessage.Pong p && ping.equals(p.requestId()), WAIT)).as("still open")
                .isNotNull();
        assertThat(live.wallet("erin")).isEqualTo(wallet);
        assertThat(live.seat(table, "erin")).isEqualTo(seat);
        erin.close();
    }

    private static ErrorCode refusal(PokerClient client, String requestId, String frame) throws InterruptedException {
        client.sendRaw(frame);
        ServerMessage reply = client.reply(requestId, WAIT);
        assertThat(reply).as(frame).isInstanceOf(ServerMessage.Error.class);
        return ((ServerMessage.Error) reply).code();
    }
}
