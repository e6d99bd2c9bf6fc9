package io.chipledger.server.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.game.Card;
import io.chipledger.server.game.eval.HandRanking;
import io.chipledger.server.game.holdem.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On fake time: a table whose settings name Pot-Limit Omaha deals four hole cards, offers and enforces the pot limit
 * as the largest raise, and names shown hands by the two-plus-three rule, chips conserved to the cent.
 */
class PotLimitOmahaTableTest {

    private final TableOnFakeTime table = new TableOnFakeTime(TableConfig.standard(7, "Omaha", Money.parse("0.50"),
            Money.parse("1.00"), 6).withVariant(Variant.POT_LIMIT_OMAHA_HOLDEM));

    @Test
    void eachPlayerIsDealtFourHoleCardsAndSeesOnlyTheirOwn() {
        List<TableOnFakeTime.Guest> guests = seatThree();

        table.dealNextHand();

        for (TableOnFakeTime.Guest guest : guests) {
            List<TableEvent.HoleCardsDealt> dealt = guest.connection.events(TableEvent.HoleCardsDealt.class);
            assertThat(dealt).hasSize(3);
            assertThat(dealt).filteredOn(d -> d.cards() != null).singleElement()
                    .satisfies(own -> assertThat(own.cards()).hasSize(4).doesNotHaveDuplicates());
        }
    }

    @Test
    void theLargestRaiseOfferedIsThePotAfterCallingAndOneCentMoreIsRefused() {
        List<TableOnFakeTime.Guest> guests = seatThree();
        table.dealNextHand();
        TableOnFakeTime.Guest first = guests.stream().filter(TableOnFakeTime.Guest::toAct).findFirst().orElseThrow();

        // blinds 0.50 + 1.00; calling the 1.00 makes the pot 2.50; raising by that is a raise to 3.50 (not 100.00)
        assertThat(first.lastTurn().legal().maxRaiseTo()).isEqualTo(Money.parse("3.50"));
        String tooMuch = first.act(ActionKind.RAISE, "3.51");
        assertThat(first.answer(tooMuch)).isInstanceOfSatisfying(ServerMessage.Error.class, refused -> {
            assertThat(refused.code()).isEqualTo(ErrorCode.ILLEGAL_ACTION);
            assertThat(refused.message()).contains("pot limit").contains("3.50");
        });
        String potRaise = first.act(ActionKind.RAISE, "3.50");
        assertThat(first.answer(potRaise)).isInstanceOf(ServerMessage.Done.class);

        TableOnFakeTime.Guest next = guests.stream().filter(TableOnFakeTime.Guest::toAct).findFirst().orElseThrow();
        // the small blind: calls 3.00 more, making the pot 8.00, then may raise by it to 11.50
        assertThat(next.lastTurn().legal().maxRaiseTo()).isEqualTo(Money.parse("11.50"));
    }

    @Test
    void aHandPlayedToShowdownNamesOmahaHandsAndKeepsEveryChip() {
        List<TableOnFakeTime.Guest> guests = seatThree();
        table.dealNextHand();
        for (int turn = 0; turn < 100; turn++) {
            TableOnFakeTime.Guest actor = guests.stream().filter(TableOnFakeTime.Guest::toAct).findFirst().orElse(null);
            if (actor == null) {
                break;
            }
            actor.act(actor.lastTurn().legal().canCheck() ? ActionKind.CHECK : ActionKind.CALL);
        }

        TableOnFakeTime.Guest watcher = guests.get(0);
        assertThat(watcher.connection.events(TableEvent.HandEnded.class)).hasSize(1);
        List<TableEvent.StreetDealt> streets = watcher.connection.events(TableEvent.StreetDealt.class);
        List<Card> board = streets.get(streets.size() - 1).board().stream().map(Card::parse).toList();
        assertThat(board).hasSize(5);
        List<TableEvent.CardsShown> shown = watcher.connection.events(TableEvent.CardsShown.class);
        assertThat(shown).isNotEmpty().allSatisfy(show -> {
            assertThat(show.cards()).hasSize(4);
            List<Card> hole = show.cards().stream().map(Card::parse).toList();
            assertThat(show.handName()).isEqualTo(HandRanking.OMAHA.describe(hole, board).name());
        });
        Money seats = guests.stream().map(TableOnFakeTime.Guest::seatBalance).reduce(Money.ZERO, Money::plus);
        assertThat(seats.plus(table.pot())).isEqualTo(Money.parse("300.00"));
    }

    @Test
    void aShowdownNamesEachHandByExactlyTwoHoleCardsAndThreeOfTheBoardNotTheBestFiveOfNine() {
        // Dealt from left of the button (who shows first after a checked river): the weakest Omaha hand first, so
        // no one mucks. Best of all nine cards would name them a seven-high straight, Aces full and a flush.
        TableOnFakeTime stacked = new TableOnFakeTime(table.config, new StackedDeckSource(
                "3c", "4d", "5c", "6d", "Ac", "Ad", "Kc", "Kd", "Jh", "Ts", "3d", "4c", "Ah", "Kh", "Qh", "7h", "2c"));
        List<TableOnFakeTime.Guest> guests = List.of(stacked.seated("ann", 0, "100.00"),
                stacked.seated("bob", 1, "100.00"), stacked.seated("cy", 2, "100.00"));
        stacked.dealNextHand();
        checkOrCallToTheEnd(guests);

        TableOnFakeTime.Guest watcher = guests.get(0);
        assertThat(watcher.connection.events(TableEvent.CardsShown.class))
                .extracting(TableEvent.CardsShown::handName)
                .containsExactly("high card Ace", "three of a kind, Aces", "a straight, Ten to Ace");
        assertThat(watcher.connection.events(TableEvent.PotAwarded.class)).singleElement()
                .satisfies(award -> assertThat(award.handName()).isEqualTo("a straight, Ten to Ace"));
    }

    private static void checkOrCallToTheEnd(List<TableOnFakeTime.Guest> guests) {
        for (int turn = 0; turn < 100; turn++) {
            TableOnFakeTime.Guest actor = guests.stream().filter(TableOnFakeTime.Guest::toAct).findFirst().orElse(null);
            if (actor == null) {
                return;
            }
            actor.act(actor.lastTurn().legal().canCheck() ? ActionKind.CHECK : ActionKind.CALL);
        }
    }

    private List<TableOnFakeTime.Guest> seatThree() {
        return List.of(table.seated("ann", 0, "100.00"), table.seated("bob", 1, "100.00"),
                table.seated("cy", 2, "100.00"));
    }
}
