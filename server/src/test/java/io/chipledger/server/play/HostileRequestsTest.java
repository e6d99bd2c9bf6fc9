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
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile and mistaken requests over a real WebSocket, in the middle of a real hand: each is answered with its error
 * code, and nothing moves in the ledger or at the table.
 */
class HostileRequestsTest {

    @RegisterExtension
    static final TestServer live = TestServer.forEachTestClass();

    private record Balances(Money aliceWallet, Money aliceSeat, Money bobWallet, Money bobSeat, Money carolWallet, Money pot) {
    }

    private static Balances balances(long table) {
        return new Balances(live.wallet("alice"), live.seat(table, "alice"), live.wallet("bob"), live.seat(table, "bob"),
                live.wallet("carol"), live.pot(table));
    }

    /** Sends a raw frame with this requestId and returns the error code of the answer to it. */
    private static ErrorCode refusalOf(PokerClient client, String requestId, String frame) throws InterruptedException {
        client.sendRaw(frame);
        ServerMessage reply = client.reply(requestId, WAIT);
        assertThat(reply).as(frame).isInstanceOf(ServerMessage.Error.class);
        return ((ServerMessage.Error) reply).code();
    }

    private static ErrorCode refusalOf(PokerClient client, ClientMessage message) throws InterruptedException {
        client.send(message);
        ServerMessage reply = client.reply(message.requestId(), WAIT);
        assertThat(reply).as(message.toString()).isInstanceOf(ServerMessage.Error.class);
        return ((ServerMessage.Error) reply).code();
    }

    @Test
    void refusedRequestsAreAnsweredWithTheirCodeAndChangeNothing() throws Exception {
        long table = live.openTable("Hostile", 6);
        PokerClient alice = live.connect("alice");
        PokerClient bob = live.connect("bob");
        PokerClient carol = live.connect("carol");
        assertThat(alice.reply(alice.send(r -> new ClientMessage.SitDown(r, table, 0, Money.parse("100.00"))), WAIT))
                .isInstanceOf(ServerMessage.Done.class);
        assertThat(bob.reply(bob.send(r -> new ClientMessage.SitDown(r, table, 1, Money.parse("100.00"))), WAIT))
                .isInstanceOf(ServerMessage.Done.class);
        assertThat(carol.reply(carol.send(r -> new ClientMessage.Watch(r, table, null)), WAIT)).isInstanceOf(ServerMessage.Done.class);

        long hand = awaitEvent(alice, TableEvent.HandStarted.class).handId();
        int actorSeat = awaitEvent(alice, TableEvent.TurnStarted.class).turn().seat();
        PokerClient actor = actorSeat == 0 ? alice : bob;
        PokerClient waiting = actorSeat == 0 ? bob : alice;
        Balances before = balances(table);

        assertThat(refusalOf(waiting, new ClientMessage.Act("w1", table, hand, ActionKind.CALL, null))).isEqualTo(ErrorCode.NOT_YOUR_TURN);
        assertThat(refusalOf(actor, "h1", act("h1", table, hand, "RAISE", "\"0.001\""))).isEqualTo(ErrorCode.BAD_AMOUNT);
        assertThat(refusalOf(actor, "h2", act("h2", table, hand, "RAISE", "3.5"))).isEqualTo(ErrorCode.BAD_AMOUNT);
        assertThat(refusalOf(actor, "h3", act("h3", table, hand, "RAISE", "\"-5.00\""))).isEqualTo(ErrorCode.BAD_AMOUNT);
        assertThat(refusalOf(actor, "h4", act("h4", table, hand, "RAISE", "\"1e3\""))).isEqualTo(ErrorCode.BAD_AMOUNT);
        assertThat(refusalOf(actor, new ClientMessage.Act("h5", table, hand, ActionKind.RAISE, Money.parse("1.50"))))
                .as("a raise below the minimum").isEqualTo(ErrorCode.ILLEGAL_ACTION);
        assertThat(refusalOf(actor, new ClientMessage.Act("h6", table, hand + 1, ActionKind.CALL, null)))
                .as("another hand's id").isEqualTo(ErrorCode.ILLEGAL_ACTION);
        assertThat(refusalOf(actor, new ClientMessage.Act("h7", table, hand, ActionKind.CHECK, null)))
                .as("a check facing the big blind").isEqualTo(ErrorCode.ILLEGAL_ACTION);
        assertThat(refusalOf(actor, "h8", "{\"type\":\"act\",\"requestId\":\"h8\",\"tableId\":" + table
                + ",\"handId\":" + hand + ",\"action\":\"CALL\",\"seat\":1}")).as("an unknown field").isEqualTo(ErrorCode.BAD_MESSAGE);
        actor.sendRaw("{\"type\":\"act\",\"requestId\":");
        assertThat(actor.await(m -> m instanceof ServerMessage.Error e && e.code() == ErrorCode.BAD_JSON, WAIT)).isNotNull();
        assertThat(refusalOf(carol, new ClientMessage.Act("c1", table, hand, ActionKind.CALL, null))).isEqualTo(ErrorCode.NOT_SEATED);
        assertThat(refusalOf(carol, "c2", "{\"type\":\"sitDown\",\"requestId\":\"c2\",\"tableId\":" + table
                + ",\"seat\":2,\"amount\":\"20.001\"}")).isEqualTo(ErrorCode.BAD_AMOUNT);
        assertThat(refusalOf(carol, "c3", "{\"type\":\"sitDown\",\"requestId\":\"c3\",\"tableId\":" + table
                + ",\"seat\":2,\"amount\":25.5}")).isEqualTo(ErrorCode.BAD_AMOUNT);
        assertThat(refusalOf(carol, new ClientMessage.SitDown("c4", table, 2, Money.parse("5.00")))).isEqualTo(ErrorCode.BUY_IN_OUT_OF_RANGE);
        assertThat(refusalOf(carol, new ClientMessage.SitDown("c5", table, 0, Money.parse("50.00")))).isEqualTo(ErrorCode.SEAT_TAKEN);
        assertThat(refusalOf(carol, new ClientMessage.SitDown("c6", table, 6, Money.parse("50.00")))).isEqualTo(ErrorCode.BAD_MESSAGE);
        assertThat(refusalOf(carol, new ClientMessage.TopUp("c7", table, Money.parse("5.00")))).isEqualTo(ErrorCode.NOT_SEATED);
        assertThat(refusalOf(carol, new ClientMessage.Watch("c8", table + 1000, null))).isEqualTo(ErrorCode.TABLE_NOT_FOUND);

        assertThat(balances(table)).as("nothing moved").isEqualTo(before);
        // The hand went on from where it was: the player to act still may, and the table takes the call.
        ClientMessage.Act call = new ClientMessage.Act("call-1", table, hand, ActionKind.CALL, null);
        actor.send(call);
        assertThat(actor.reply("call-1", WAIT)).isInstanceOf(ServerMessage.Done.class);
        TableEvent.PlayerActed acted = awaitEvent(actor, TableEvent.PlayerActed.class, e -> e.seat() == actorSeat);
        assertThat(acted.action()).isEqualTo(ActionKind.CALL);
        Balances afterCall = balances(table);

        // The same action sent again (as after a reconnect) is answered, not played twice; its id is not reusable.
        actor.send(call);
        assertThat(actor.reply("call-1", WAIT)).isInstanceOf(ServerMessage.Done.class);
        assertThat(refusalOf(actor, new ClientMessage.Act("call-1", table, hand, ActionKind.FOLD, null))).isEqualTo(ErrorCode.REQUEST_ID_REUSED);
        assertThat(balances(table)).isEqualTo(afterCall);
        for (PokerClient client : new PokerClient[] {alice, bob, carol}) {
            client.close();
        }
    }

    @Test
    void aBuyInSentTwiceMovesMoneyOnceAndItsRequestIdCannotBeReusedForAnotherAmount() throws Exception {
        long table = live.openTable("Twice", 6);
        PokerClient dave = live.connect("dave");
        ClientMessage.SitDown buyIn = new ClientMessage.SitDown("buy-1", table, 3, Money.parse("50.00"));

        dave.send(buyIn);
        assertThat(dave.reply("buy-1", WAIT)).isInstanceOf(ServerMessage.Done.class);
        dave.send(buyIn);
        assertThat(dave.reply("buy-1", WAIT)).as("the same request again").isInstanceOf(ServerMessage.Done.class);
        assertThat(live.wallet("dave")).isEqualTo(Money.parse("950.00"));
        assertThat(live.seat(table, "dave")).isEqualTo(Money.parse("50.00"));

        dave.send(new ClientMessage.SitDown("buy-1", table, 3, Money.parse("60.00")));
        ServerMessage reused = dave.reply("buy-1", WAIT);
        assertThat(reused).isInstanceOfSatisfying(ServerMessage.Error.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_ID_REUSED));

        // After a reconnect, the resent request is answered, not repeated.
        dave.close();
        PokerClient again = live.connect("dave");
        again.send(buyIn);
        assertThat(again.reply("buy-1", WAIT)).isInstanceOf(ServerMessage.Done.class);
        assertThat(live.wallet("dave")).isEqualTo(Money.parse("950.00"));
        assertThat(live.seat(table, "dave")).isEqualTo(Money.parse("50.00"));
        assertThat(live.audit().clean()).as(live.audit().summary()).isTrue();
        again.close();
    }

    @Test
    void aBuyInIsToldToEveryConnectionOfThePlayerNotOnlyTheOneAtTheTable() throws Exception {
        long table = live.openTable("Elsewhere", 6);
        PokerClient inTheLobby = live.connect("hana");
        PokerClient atTheTable = live.connect("hana");

        atTheTable.reply(atTheTable.send(r -> new ClientMessage.SitDown(r, table, 4, Money.parse("30.00"))), WAIT);

        ServerMessage told = inTheLobby.await(m -> m instanceof ServerMessage.Wallet, WAIT);
        assertThat(((ServerMessage.Wallet) told).balance()).isEqualTo(Money.parse("970.00"));
        inTheLobby.close();
        atTheTable.close();
    }

    @Test
    void chatIsLimitedInLengthAndRate() throws Exception {
        long table = live.openTable("Chatty", 6);
        PokerClient gil = live.connect("gil");
        assertThat(gil.reply(gil.send(r -> new ClientMessage.Watch(r, table, null)), WAIT)).isInstanceOf(ServerMessage.Done.class);

        assertThat(refusalOf(gil, new ClientMessage.Chat("long", table, "x".repeat(201)))).isEqualTo(ErrorCode.BAD_MESSAGE);
        assertThat(refusalOf(gil, new ClientMessage.Chat("blank", table, "   "))).isEqualTo(ErrorCode.BAD_MESSAGE);
        ErrorCode flooded = null;
        for (int line = 0; line < 20 && flooded == null; line++) {
            String id = gil.send(r -> new ClientMessage.Chat(r, table, "hello"));
            ServerMessage reply = gil.reply(id, WAIT);
            flooded = reply instanceof ServerMessage.Error e ? e.code() : null;
        }
        assertThat(flooded).as("twenty lines at once are too many").isEqualTo(ErrorCode.RATE_LIMITED);
        gil.close();
    }

    private static String act(String requestId, long table, long hand, String action, String amountJson) {
        return "{\"type\":\"act\",\"requestId\":\"" + requestId + "\",\"tableId\":" + table + ",\"handId\":" + hand
                + ",\"action\":\"" + action + "\",\"amount\":" + amountJson + "}";
    }
}
