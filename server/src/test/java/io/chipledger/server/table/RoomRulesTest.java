package io.chipledger.server.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.protocol.TableView;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of the room on fake time: a busted seat is offered a rebuy and then given up, a top-up stays within the
 * buy-in range. The table is 0.50/1.00 with buy-ins from 20.00 to 100.00 and a 60 s rebuy window.
 */
class RoomRulesTest {

    private final TableOnFakeTime table = new TableOnFakeTime();

    private static ErrorCode code(ServerMessage answer) {
        return answer instanceof ServerMessage.Error error ? error.code() : null;
    }

    @Test
    void aBustedPlayerIsOfferedARebuyThenStoodUpWhenTheWindowCloses() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        TableOnFakeTime.Guest bob = table.seated("bob", 1, "50.00");
        TableOnFakeTime.Guest busted = playAllInUntilOneBusts(ann, bob);

        TableEvent.RebuyOffered offer = single(ann, TableEvent.RebuyOffered.class);
        assertThat(offer.seat()).isEqualTo(seatOf(busted));
        assertThat(offer.minBuyIn()).isEqualTo(Money.parse("20.00"));
        assertThat(offer.maxBuyIn()).isEqualTo(Money.parse("100.00"));
        assertThat(offer.millisLeft()).isEqualTo(60_000);
        assertThat(statusOf(busted, seatOf(busted))).isEqualTo(TableView.SeatStatus.BUSTED);

        table.advance(Duration.ofSeconds(59));
        assertThat(ann.connection.events(TableEvent.SeatLeft.class)).as("the window is still open").isEmpty();
        table.advance(Duration.ofSeconds(1));

        assertThat(ann.connection.events(TableEvent.SeatLeft.class)).singleElement().satisfies(left -> {
            assertThat(left.seat()).isEqualTo(offer.seat());
            assertThat(left.cashedOut()).isEqualTo(Money.ZERO);
        });
        assertThat(table.actor.lobbyEntry().join().seated()).as("the lobby offers the seat again").isEqualTo(1);
        assertThat(busted.wallet()).isEqualTo(Money.parse("950.00"));
        assertThat(ann.wallet().plus(bob.wallet()).plus(ann.seatBalance()).plus(bob.seatBalance()))
                .isEqualTo(Money.parse("2000.00"));
    }

    @Test
    void aBustedPlayerWhoBuysBackInWithinTheWindowKeepsTheSeatAndIsDealtIn() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        TableOnFakeTime.Guest bob = table.seated("bob", 1, "50.00");
        TableOnFakeTime.Guest busted = playAllInUntilOneBusts(ann, bob);
        int hands = ann.connection.events(TableEvent.HandStarted.class).size();

        table.advance(Duration.ofSeconds(30));
        String rebuy = busted.send(r -> new ClientMessage.TopUp(r, table.config.id(), Money.parse("40.00")));
        assertThat(busted.answer(rebuy)).isInstanceOf(ServerMessage.Done.class);
        table.advance(Duration.ofMinutes(2));

        assertThat(ann.connection.events(TableEvent.SeatLeft.class)).isEmpty();
        assertThat(ann.connection.events(TableEvent.HandStarted.class)).hasSizeGreaterThan(hands);
        assertThat(busted.wallet()).isEqualTo(Money.parse("910.00"));
    }

    @Test
    void aTopUpMayNotLeaveABustedStackBelowTheMinimumBuyIn() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        TableOnFakeTime.Guest bob = table.seated("bob", 1, "50.00");
        TableOnFakeTime.Guest busted = playAllInUntilOneBusts(ann, bob);

        String cent = busted.send(r -> new ClientMessage.TopUp(r, table.config.id(), Money.parse("0.01")));
        String short1 = busted.send(r -> new ClientMessage.TopUp(r, table.config.id(), Money.parse("19.99")));

        assertThat(code(busted.answer(cent))).isEqualTo(ErrorCode.BUY_IN_OUT_OF_RANGE);
        assertThat(((ServerMessage.Error) busted.answer(cent)).message()).contains("add 20.00 to 100.00");
        assertThat(code(busted.answer(short1))).isEqualTo(ErrorCode.BUY_IN_OUT_OF_RANGE);
        assertThat(busted.seatBalance()).isEqualTo(Money.ZERO);
        table.advance(Duration.ofSeconds(10));
        assertThat(ann.connection.events(TableEvent.HandStarted.class).size())
                .as("no hand is dealt to a player with 0.01").isEqualTo(handsPlayed(ann));
    }

    @Test
    void aTopUpMayNotTakeAStackAboveTheMaximumBuyInButMayReachIt() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "30.00");

        String over = ann.send(r -> new ClientMessage.TopUp(r, table.config.id(), Money.parse("70.01")));
        String upTo = ann.send(r -> new ClientMessage.TopUp(r, table.config.id(), Money.parse("70.00")));
        String atMax = ann.send(r -> new ClientMessage.TopUp(r, table.config.id(), Money.parse("0.01")));

        assertThat(code(ann.answer(over))).isEqualTo(ErrorCode.BUY_IN_OUT_OF_RANGE);
        assertThat(ann.answer(upTo)).isInstanceOf(ServerMessage.Done.class);
        assertThat(((ServerMessage.Error) ann.answer(atMax)).message()).contains("at the table maximum of 100.00");
        assertThat(ann.seatBalance()).isEqualTo(Money.parse("100.00"));
    }

    /** Heads-up all-in hands until one player has nothing left (a split pot busts no one, so it deals again). */
    private TableOnFakeTime.Guest playAllInUntilOneBusts(TableOnFakeTime.Guest ann, TableOnFakeTime.Guest bob) {
        for (int hand = 0; hand < 20; hand++) {
            table.dealNextHand();
            TableOnFakeTime.Guest first = ann.toAct() ? ann : bob;
            TableOnFakeTime.Guest second = first == ann ? bob : ann;
            first.act(ActionKind.RAISE, first.lastTurn().legal().maxRaiseTo().toString());
            second.act(ActionKind.CALL);
            if (!ann.seatBalance().isPositive()) {
                return ann;
            }
            if (!bob.seatBalance().isPositive()) {
                return bob;
            }
        }
        throw new AssertionError("twenty split pots in a row");
    }

    private int handsPlayed(TableOnFakeTime.Guest guest) {
        return guest.connection.events(TableEvent.HandEnded.class).size();
    }

    private int seatOf(TableOnFakeTime.Guest guest) {
        return guest.connection.events(TableEvent.SeatTaken.class).stream()
                .filter(taken -> taken.player().equals(guest.player.name())).findFirst().orElseThrow().seat();
    }

    private TableView.SeatStatus statusOf(TableOnFakeTime.Guest viewer, int seat) {
        viewer.connection.forget();
        viewer.send(r -> new ClientMessage.Watch(r, table.config.id(), null));
        ServerMessage.Snapshot snapshot = viewer.connection.received().stream().filter(m -> m instanceof ServerMessage.Snapshot)
                .map(m -> (ServerMessage.Snapshot) m).findFirst().orElseThrow();
        return snapshot.table().seats().stream().filter(s -> s.seat() == seat).findFirst().orElseThrow().status();
    }

    private static <E extends TableEvent> E single(TableOnFakeTime.Guest viewer, Class<E> kind) {
        List<E> events = viewer.connection.events(kind);
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
