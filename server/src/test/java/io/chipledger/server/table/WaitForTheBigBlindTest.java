package io.chipledger.server.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.TableEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On fake time: a player who sits down at a running game, or comes back after missing a hand, is dealt in only when
 * the big blind reaches their seat, never on the button or in the small blind without having paid one.
 */
class WaitForTheBigBlindTest {

    private final TableOnFakeTime table = new TableOnFakeTime();

    @Test
    void aNewcomerBetweenTheSmallAndTheBigBlindWaitsUntilTheBigBlindComesRound() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        TableOnFakeTime.Guest bob = table.seated("bob", 1, "50.00");
        TableOnFakeTime.Guest cy = table.seated("cy", 3, "50.00");
        table.dealNextHand();
        assertThat(lastHand(ann).button()).isZero(); // bob small blind, cy big blind
        TableOnFakeTime.Guest dan = table.seated("dan", 2, "50.00");
        List<TableOnFakeTime.Guest> everyone = List.of(ann, bob, cy, dan);
        playOut(everyone);

        table.dealNextHand();
        assertThat(lastHand(ann).seatsDealtIn()).as("hand 2: seat 2 would be the small blind").doesNotContain(2);
        playOut(everyone);
        table.dealNextHand();
        assertThat(lastHand(ann).seatsDealtIn()).as("hand 3: seat 2 would be on the button").doesNotContain(2);
        playOut(everyone);
        table.dealNextHand();

        TableEvent.HandStarted fourth = lastHand(ann);
        assertThat(fourth.seatsDealtIn()).as("hand 4: the big blind reaches seat 2").contains(2);
        assertThat(bigBlindOf(ann, fourth.handId())).isEqualTo(2);
    }

    @Test
    void aNewcomerRightAfterTheBigBlindIsDealtInAsTheNextBigBlind() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        TableOnFakeTime.Guest bob = table.seated("bob", 1, "50.00");
        TableOnFakeTime.Guest cy = table.seated("cy", 2, "50.00");
        table.dealNextHand();
        TableOnFakeTime.Guest dan = table.seated("dan", 4, "50.00");
        playOut(List.of(ann, bob, cy, dan));

        table.dealNextHand();

        TableEvent.HandStarted second = lastHand(ann);
        assertThat(second.seatsDealtIn()).containsExactly(2, 4, 0, 1);
        assertThat(bigBlindOf(ann, second.handId())).isEqualTo(4);
    }

    @Test
    void aPlayerBackFromSittingOutAHandWaitsForTheBigBlind() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        TableOnFakeTime.Guest bob = table.seated("bob", 1, "50.00");
        TableOnFakeTime.Guest cy = table.seated("cy", 2, "50.00");
        List<TableOnFakeTime.Guest> everyone = List.of(ann, bob, cy);
        table.dealNextHand(); // button 0, bob small blind, cy big blind
        cy.send(r -> new ClientMessage.SitOut(r, table.config.id()));
        playOut(everyone);
        table.dealNextHand(); // heads-up without cy: button 1
        assertThat(lastHand(ann).seatsDealtIn()).doesNotContain(2);
        cy.send(r -> new ClientMessage.SitIn(r, table.config.id()));
        playOut(everyone);

        table.dealNextHand(); // button 0: seat 2 comes in where the big blind is next
        TableEvent.HandStarted third = lastHand(ann);
        assertThat(third.seatsDealtIn()).containsExactly(1, 2, 0);
        assertThat(bigBlindOf(ann, third.handId())).isEqualTo(2);
    }

    @Test
    void twoPlayersStartingATableWaitForNothing() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        table.seated("bob", 1, "50.00");

        table.dealNextHand();

        assertThat(lastHand(ann).seatsDealtIn()).containsExactlyInAnyOrder(0, 1);
    }

    /** Checks when free, folds otherwise, for whoever is to act, until the hand is over. */
    private void playOut(List<TableOnFakeTime.Guest> guests) {
        for (int turn = 0; turn < 100; turn++) {
            TableOnFakeTime.Guest actor = guests.stream().filter(TableOnFakeTime.Guest::toAct).findFirst().orElse(null);
            if (actor == null) {
                return;
            }
            actor.act(actor.lastTurn().legal().canCheck() ? ActionKind.CHECK : ActionKind.FOLD);
        }
        throw new AssertionError("the hand did not end");
    }

    private static TableEvent.HandStarted lastHand(TableOnFakeTime.Guest viewer) {
        List<TableEvent.HandStarted> started = viewer.connection.events(TableEvent.HandStarted.class);
        return started.get(started.size() - 1);
    }

    /** The seat that posted the big blind in hand {@code handId}. */
    private static int bigBlindOf(TableOnFakeTime.Guest viewer, long handId) {
        boolean inHand = false;
        for (TableEvent event : viewer.connection.events()) {
            if (event instanceof TableEvent.HandStarted started) {
                inHand = started.handId() == handId;
            } else if (inHand && event instanceof TableEvent.BlindPosted blind && blind.kind().equals("BIG_BLIND")) {
                return blind.seat();
            }
        }
        throw new AssertionError("no big blind in hand " + handId);
    }
}
