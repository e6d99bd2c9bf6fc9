package io.chipledger.server.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * On fake time: what an operator does to a table reaches its players with the reason given, and a removed player may
 * not sit straight back down (the bar is 15 minutes by default).
 */
class OperatorNoticesTest {

    private final TableOnFakeTime table = new TableOnFakeTime();

    @Test
    void aPauseAndAResumeAreToldWithTheOperatorsReason() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");

        table.actor.pause("a dealer change");
        table.actor.pause("a second click");
        table.actor.resume();

        assertThat(ann.connection.events(TableEvent.TablePaused.class)).singleElement()
                .satisfies(paused -> assertThat(paused.reason()).isEqualTo("paused by an operator: a dealer change"));
        assertThat(ann.connection.events(TableEvent.TableResumed.class)).hasSize(1);
    }

    @Test
    void aCloseIsToldWithTheReasonBeforeTheSeatsAreCashedOut() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");

        table.actor.close("the room closes at midnight");

        assertThat(ann.connection.events()).filteredOn(e -> e instanceof TableEvent.TableClosing || e instanceof TableEvent.SeatLeft)
                .extracting(e -> e.getClass().getSimpleName()).containsExactly("TableClosing", "SeatLeft");
        assertThat(ann.connection.events(TableEvent.TableClosing.class).get(0).reason()).isEqualTo("the room closes at midnight");
    }

    @Test
    void aRemovedPlayerIsToldWhyAndMayNotSitHereAgainUntilTheBarIsOver() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        TableOnFakeTime.Guest bob = table.seated("bob", 1, "50.00");

        table.actor.kick(ann.player.id(), "abusive chat");

        assertThat(bob.connection.events(TableEvent.PlayerRemoved.class)).singleElement().satisfies(removed -> {
            assertThat(removed.player()).isEqualTo("ann");
            assertThat(removed.reason()).isEqualTo("abusive chat");
            assertThat(removed.barredMillis()).isEqualTo(Duration.ofMinutes(15).toMillis());
        });
        assertThat(bob.connection.events(TableEvent.SeatLeft.class)).hasSize(1);
        String again = ann.send(r -> new ClientMessage.SitDown(r, table.config.id(), 2, Money.parse("50.00")));
        assertThat(ann.answer(again)).isInstanceOfSatisfying(ServerMessage.Error.class, error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.BARRED_FROM_TABLE);
            assertThat(error.message()).contains("in 15 minutes");
        });

        table.advance(Duration.ofMinutes(15));
        String later = ann.send(r -> new ClientMessage.SitDown(r, table.config.id(), 2, Money.parse("50.00")));

        assertThat(ann.answer(later)).isInstanceOf(ServerMessage.Done.class);
        assertThat(ann.wallet().plus(ann.seatBalance())).isEqualTo(Money.parse("1000.00"));
    }
}
