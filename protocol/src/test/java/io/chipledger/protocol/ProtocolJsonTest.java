package io.chipledger.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chipledger.money.Money;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtocolJsonTest {

    @Test
    void amountsAreWrittenAsStringsWithTwoDecimals() {
        String json = ProtocolJson.write(new ClientMessage.SitDown("r1", 7, 3, Money.parse("40")));
        assertThat(json).isEqualTo("{\"type\":\"sitDown\",\"requestId\":\"r1\",\"tableId\":7,\"seat\":3,\"amount\":\"40.00\"}");
    }

    @Test
    void everyClientMessageRoundTrips() {
        List<ClientMessage> messages = List.of(
                new ClientMessage.Hello("a", 1, "token"),
                new ClientMessage.Watch("b", 1, 42L),
                new ClientMessage.Watch("b2", 1, null),
                new ClientMessage.Watch("b3", 1, null, 300),
                new ClientMessage.Unwatch("c", 1),
                new ClientMessage.SitDown("d", 1, 2, Money.parse("10.50")),
                new ClientMessage.TopUp("e", 1, Money.parse("5")),
                new ClientMessage.Act("f", 1, 99, ActionKind.RAISE, Money.parse("3.00")),
                new ClientMessage.Act("g", 1, 99, ActionKind.FOLD, null),
                new ClientMessage.SitOut("h", 1),
                new ClientMessage.SitIn("i", 1),
                new ClientMessage.Leave("j", 1),
                new ClientMessage.Chat("k", 1, "nice hand"),
                new ClientMessage.SetClientSeed("m", 1, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "my-entropy"),
                new ClientMessage.Ping("l"));
        for (ClientMessage message : messages) {
            assertThat(ProtocolJson.readClientMessage(ProtocolJson.write(message))).isEqualTo(message);
        }
    }

    @Test
    void serverMessagesAndTableEventsRoundTrip() {
        TableView.Turn turn = new TableView.Turn(2, 15_000, 30_000,
                new TableView.LegalActions(false, Money.parse("1"), Money.parse("2"), Money.parse("100")));
        List<ServerMessage> messages = List.of(
                new ServerMessage.Welcome("a", 1, "alice", Money.parse("1000")),
                new ServerMessage.Error("b", ErrorCode.NOT_YOUR_TURN, "it is seat 3's turn"),
                new ServerMessage.TournamentStarted(4, 17),
                new ServerMessage.TableNotice(1, new TableEvent.TablePaused("the database is unavailable")),
                new ServerMessage.Error("c", ErrorCode.UNAVAILABLE, "the database is unavailable"),
                new ServerMessage.Event(1, 5, new TableEvent.PotAwarded(1, 4, Money.parse("5.01"), true, "a flush, Ace high", Money.parse("20"))),
                new ServerMessage.Event(1, 6, new TableEvent.TurnStarted(turn)),
                new ServerMessage.Event(1, 7, new TableEvent.HoleCardsDealt(2, null)),
                new ServerMessage.Event(1, 8, new TableEvent.HandStarted(12, 3, List.of(0, 3), "aa11", "bb22", Money.parse("0.25"), Money.parse("0.50"))),
                new ServerMessage.Event(1, 9, new TableEvent.HandEnded(12, "cc33")),
                new ServerMessage.RecentEvents(1, List.of(new ServerMessage.Event(1, 8, new TableEvent.HandStarted(12, 3,
                        List.of(0, 3), "aa11", "bb22", Money.parse("0.25"), Money.parse("0.50"))), new ServerMessage.Event(1, 9, new TableEvent.HandEnded(12, "cc33")))),
                new ServerMessage.Snapshot(1, 7, new TableView(1, "Oak", Money.parse("0.5"), Money.parse("1"), Money.parse("20"),
                        Money.parse("100"), 6, List.of(new TableView.SeatView(2, "bob", Money.parse("99"), Money.parse("1"),
                                TableView.SeatStatus.ACTIVE, List.of("As", "Kd"))), 12L, 0, List.of(),
                        List.of(new TableView.PotView(Money.parse("1.50"), List.of(0, 2))), turn, "dd44", "PLO", false)));
        for (ServerMessage message : messages) {
            assertThat(ProtocolJson.readServerMessage(ProtocolJson.write(message))).isEqualTo(message);
        }
    }

    @Test
    void theDeckCommitmentsAndTheRevealedSeedAreNamedAsTheDocsSay() {
        assertThat(ProtocolJson.write(new TableEvent.HandStarted(12, 3, List.of(0, 3), "aa11", "bb22", Money.parse("0.25"), Money.parse("0.50"))))
                .isEqualTo("{\"type\":\"handStarted\",\"handId\":12,\"button\":3,\"seatsDealtIn\":[0,3],"
                        + "\"deckCommitment\":\"aa11\",\"nextDeckCommitment\":\"bb22\",\"smallBlind\":\"0.25\",\"bigBlind\":\"0.50\"}");
        assertThat(ProtocolJson.write(new TableEvent.HandEnded(12, "cc33")))
                .isEqualTo("{\"type\":\"handEnded\",\"handId\":12,\"serverSeed\":\"cc33\"}");
        assertThat(ProtocolJson.readClientMessage("{\"type\":\"setClientSeed\",\"requestId\":\"r\",\"tableId\":3,"
                + "\"commitment\":\"bb22\",\"seed\":\"x\"}"))
                .isEqualTo(new ClientMessage.SetClientSeed("r", 3, "bb22", "x"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            float amount       | {"type":"topUp","requestId":"r","tableId":1,"amount":10.5}                  | BAD_AMOUNT
            integer amount     | {"type":"topUp","requestId":"r","tableId":1,"amount":10}                    | BAD_AMOUNT
            tenth of a cent    | {"type":"topUp","requestId":"r","tableId":1,"amount":"0.001"}               | BAD_AMOUNT
            negative amount    | {"type":"topUp","requestId":"r","tableId":1,"amount":"-5.00"}               | BAD_AMOUNT
            exponent amount    | {"type":"topUp","requestId":"r","tableId":1,"amount":"1e3"}                 | BAD_AMOUNT
            unknown type       | {"type":"steal","requestId":"r"}                                            | BAD_MESSAGE
            missing type       | {"requestId":"r"}                                                           | BAD_MESSAGE
            unknown field      | {"type":"ping","requestId":"r","admin":true}                                | BAD_MESSAGE
            seed, no commitment| {"type":"setClientSeed","requestId":"r","tableId":1,"seed":"x"}             | BAD_MESSAGE
            missing seat       | {"type":"sitDown","requestId":"r","tableId":1,"amount":"10"}                | BAD_MESSAGE
            float table id     | {"type":"sitIn","requestId":"r","tableId":1.5}                              | BAD_MESSAGE
            null table id      | {"type":"sitIn","requestId":"r","tableId":null}                             | BAD_MESSAGE
            missing requestId  | {"type":"ping"}                                                             | BAD_MESSAGE
            blank requestId    | {"type":"ping","requestId":" "}                                             | BAD_MESSAGE
            unknown action     | {"type":"act","requestId":"r","tableId":1,"handId":1,"action":"CHEAT"}     | BAD_MESSAGE
            numeric action     | {"type":"act","requestId":"r","tableId":1,"handId":1,"action":0}           | BAD_MESSAGE
            not json           | hello                                                                       | BAD_JSON
            trailing data      | {"type":"ping","requestId":"r"} {}                                          | BAD_MESSAGE
            duplicate key      | {"type":"ping","requestId":"r","requestId":"s"}                             | BAD_JSON
            numeric requestId  | {"type":"ping","requestId":123}                                             | BAD_MESSAGE
            boolean requestId  | {"type":"ping","requestId":true}                                            | BAD_MESSAGE
            text seat          | {"type":"sitDown","requestId":"r","tableId":1,"seat":"1","amount":"10"}     | BAD_MESSAGE
            text table id      | {"type":"sitIn","requestId":"r","tableId":"1"}                              | BAD_MESSAGE
            boolean table id   | {"type":"sitIn","requestId":"r","tableId":true}                             | BAD_MESSAGE
            text version       | {"type":"hello","requestId":"r","protocolVersion":"1","token":"t"}          | BAD_MESSAGE
            numeric chat text  | {"type":"chat","requestId":"r","tableId":1,"text":1}                        | BAD_MESSAGE
            null chat text     | {"type":"chat","requestId":"r","tableId":1,"text":null}                     | BAD_MESSAGE
            null token         | {"type":"hello","requestId":"r","protocolVersion":1,"token":null}           | BAD_MESSAGE
            null amount        | {"type":"topUp","requestId":"r","tableId":1,"amount":null}                  | BAD_MESSAGE
            null requestId     | {"type":"ping","requestId":null}                                            | BAD_MESSAGE
            null action        | {"type":"act","requestId":"r","tableId":1,"handId":1,"action":null}        | BAD_MESSAGE
            null seed          | {"type":"setClientSeed","requestId":"r","tableId":1,"commitment":"c","seed":null} | BAD_MESSAGE
            null type          | {"type":null,"requestId":"r"}                                               | BAD_MESSAGE
            null frame         | null                                                                        | BAD_MESSAGE
            array frame        | []                                                                          | BAD_MESSAGE
            string frame       | "ping"                                                                      | BAD_MESSAGE
            plus amount        | {"type":"topUp","requestId":"r","tableId":1,"amount":"+50"}                 | BAD_AMOUNT
            spaced amount      | {"type":"topUp","requestId":"r","tableId":1,"amount":" 50"}                 | BAD_AMOUNT
            three decimals     | {"type":"topUp","requestId":"r","tableId":1,"amount":"50.000"}              | BAD_AMOUNT
            bare point         | {"type":"topUp","requestId":"r","tableId":1,"amount":"50."}                 | BAD_AMOUNT
            em space amount    | {"type":"topUp","requestId":"r","tableId":1,"amount":"\\u200350"}          | BAD_AMOUNT
            newline amount     | {"type":"topUp","requestId":"r","tableId":1,"amount":"50\\n"}              | BAD_AMOUNT
            """)
    void hostileFramesAreRefusedWithACode(String why, String frame, ErrorCode expected) {
        assertThatThrownBy(() -> ProtocolJson.readClientMessage(frame))
                .as(why)
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(expected))
                .hasMessageNotContaining("\n");
    }

    @Test
    void optionalFieldsMayStillBeNull() {
        assertThat(ProtocolJson.readClientMessage("{\"type\":\"watch\",\"requestId\":\"r\",\"tableId\":1,\"lastSeq\":null}"))
                .isEqualTo(new ClientMessage.Watch("r", 1, null));
        assertThat(ProtocolJson.readClientMessage(ProtocolJson.write(new ClientMessage.Act("r", 1, 2, ActionKind.FOLD, null))))
                .isEqualTo(new ClientMessage.Act("r", 1, 2, ActionKind.FOLD, null));
    }

    @Test
    void deeplyNestedInputIsRefusedBeforeItCostsMuch() {
        String frame = "{\"type\":\"ping\",\"requestId\":\"r\",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertThatThrownBy(() -> ProtocolJson.readClientMessage(frame)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void anOverlongRequestIdIsRefused() {
        String frame = "{\"type\":\"ping\",\"requestId\":\"" + "x".repeat(65) + "\"}";
        assertThatThrownBy(() -> ProtocolJson.readClientMessage(frame))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_MESSAGE));
    }

    @Test
    void aRefusedFrameStillNamesItsRequestWhenTheIdIsReadable() {
        assertThat(ProtocolJson.requestIdOf("{\"type\":\"sitDown\",\"requestId\":\"r9\",\"amount\":12.5}")).isEqualTo("r9");
        assertThat(ProtocolJson.requestIdOf("{\"type\":\"act\",")).isNull();
        assertThat(ProtocolJson.requestIdOf("{\"requestId\":7}")).isNull();
        assertThat(ProtocolJson.requestIdOf("{\"requestId\":\"" + "x".repeat(65) + "\"}")).isNull();
        // Read up to the id and no further: a frame broken after it still gets its refusal named.
        assertThat(ProtocolJson.requestIdOf("{\"type\":\"act\",\"seat\":{\"a\":[1]},\"requestId\":\"r7\",\"amount\":}")).isEqualTo("r7");
        assertThat(ProtocolJson.requestIdOf("[\"requestId\",\"r1\"]")).isNull();
    }
}
