package io.chipledger.server.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.protocol.TableView;
import io.chipledger.server.net.RecordingConnection;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole sessions of random play (bets, raises, all-ins, folds, time-outs, leaving and sitting back down) on fake time:
 * between hands no chip is in the pot, and what the table shows of every seat is what the ledger holds.
 */
class RandomPlayOnFakeTimeTest {

    private static final int HANDS = 30;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void randomPlayNeverShowsAStackTheLedgerDoesNotHold(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TableOnFakeTime table = new TableOnFakeTime();
        List<TableOnFakeTime.Guest> guests = List.of(table.seated("ann", 0, "30.00"), table.seated("bob", 2, "100.00"),
                table.seated("cy", 3, "45.50"), table.seated("dee", 5, "20.00"));
        RecordingConnection spectator = new RecordingConnection();

        int handsDealt = 0;
        while (handsDealt < HANDS) {
            table.dealNextHand();
            int dealt = spectatorHands(table, spectator);
            if (dealt == handsDealt) {
                reseatBusted(table, guests);
                continue;
            }
            handsDealt = dealt;
            playOut(table, guests, random);

            assertThat(table.pot()).as("hand %d left chips in the pot", handsDealt).isEqualTo(Money.ZERO);
            TableView view = snapshot(table);
            for (TableOnFakeTime.Guest guest : guests) {
                Money shown = view.seats().stream().filter(s -> s.player().equals(guest.player.name()))
                        .map(TableView.SeatView::stack).findFirst().orElse(Money.ZERO);
                assertThat(shown).as("%s's stack after hand %d", guest.player.name(), handsDealt).isEqualTo(guest.seatBalance());
            }
        }
        Money everything = guests.stream().map(g -> g.wallet().plus(g.seatBalance())).reduce(Money.ZERO, Money::plus);
        assertThat(everything).isEqualTo(Money.parse("4000.00"));
        assertThat(table.records.finishedHands()).allMatch(h -> h.outcome() == HandRecords.HandOutcome.SETTLED);
    }

    /** Plays the hand to its end: random legal actions, now and then a player who lets the clock run out. */
    private static void playOut(TableOnFakeTime table, List<TableOnFakeTime.Guest> guests, SplittableRandom random) {
        for (int step = 0; step < 200; step++) {
            TableOnFakeTime.Guest actor = guests.stream().filter(TableOnFakeTime.Guest::toAct).findFirst().orElse(null);
            if (actor == null) {
                return;
            }
            TableView.LegalActions legal = actor.lastTurn().legal();
            int roll = random.nextInt(100);
            if (roll < 3) {
                table.advance(Duration.ofSeconds(20 + 30));
            } else if (roll < 15) {
                actor.act(ActionKind.FOLD);
            } else if (roll < 25 && legal.minRaiseTo() != null) {
                actor.act(ActionKind.ALL_IN);
            } else if (roll < 45 && legal.minRaiseTo() != null) {
                actor.act(legal.canCheck() ? ActionKind.BET : ActionKind.RAISE, legal.minRaiseTo().toString());
            } else {
                actor.act(legal.canCheck() ? ActionKind.CHECK : ActionKind.CALL);
            }
        }
        throw new AssertionError("the hand did not end in 200 actions");
    }

    /** A player with no chips left leaves and sits down again with a new buy-in, so the table keeps playing. */
    private static void reseatBusted(TableOnFakeTime table, List<TableOnFakeTime.Guest> guests) {
        for (TableOnFakeTime.Guest guest : guests) {
            if (!guest.seatBalance().isPositive()) {
                guest.send(r -> new ClientMessage.Leave(r, table.config.id()));
                int seat = freeSeat(table);
                guest.send(r -> new ClientMessage.SitDown(r, table.config.id(), seat, Money.parse("25.00")));
            }
        }
    }

    private static int freeSeat(TableOnFakeTime table) {
        TableView view = snapshot(table);
        for (int seat = 0; seat < table.config.seatCount(); seat++) {
            int candidate = seat;
            if (view.seats().stream().noneMatch(s -> s.seat() == candidate)) {
                return seat;
            }
        }
        throw new IllegalStateException("the table is full");
    }

    private static int spectatorHands(TableOnFakeTime table, RecordingConnection spectator) {
        table.actor.receive(spectator, null, new ClientMessage.Watch("w", table.config.id(), null));
        return spectator.events(TableEvent.HandStarted.class).size();
    }

    private static TableView snapshot(TableOnFakeTime table) {
        RecordingConnection viewer = new RecordingConnection();
        table.actor.receive(viewer, null, new ClientMessage.Watch("s", table.config.id(), null));
        return viewer.received().stream().filter(m -> m instanceof ServerMessage.Snapshot)
                .map(m -> ((ServerMessage.Snapshot) m).table()).findFirst().orElseThrow();
    }
}
