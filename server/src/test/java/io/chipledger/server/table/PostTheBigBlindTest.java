package io.chipledger.server.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.protocol.TableView;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On fake time: a player who would rather not wait for the big blind posts one and is dealt in at the next hand in
 * which their seat is after the blinds and before the button, the post live (they may check when no one raised) and
 * on the ledger like a blind; between the button and the small blind they wait until the button has passed. The same
 * choice comes back from sitting out, and a player waiting for the big blind may change their mind.
 */
class PostTheBigBlindTest {

    private final TableOnFakeTime table = new TableOnFakeTime();

    @Test
    void aNewcomerWhoPostsIsDealtInUnderTheGunAtTheNextHandAndMayCheckTheOption() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        TableOnFakeTime.Guest bob = table.seated("bob", 1, "50.00");
        TableOnFakeTime.Guest cy = table.seated("cy", 2, "50.00");
        TableOnFakeTime.Guest dan = table.seated("dan", 3, "50.00");
        table.dealNextHand(); // button 0: bob small blind, cy big blind, dan under the gun
        assertThat(lastHand(ann).button()).isZero();
        TableOnFakeTime.Guest eve = seatedPosting("eve", 5, "50.00");
        playOut(List.of(ann, bob, cy, dan, eve));

        table.dealNextHand(); // button 1: cy small blind, dan big blind, eve under the gun

        TableEvent.HandStarted second = lastHand(ann);
        assertThat(second.seatsDealtIn()).containsExactly(2, 3, 5, 0, 1);
        assertThat(blinds(ann, second.handId())).extracting(b -> b.seat() + " " + b.kind() + " " + b.amount())
                .containsExactly("2 SMALL_BLIND 0.50", "3 BIG_BLIND 1.00", "5 BIG_BLIND 1.00");
        assertThat(table.pot()).as("both big blinds and the small blind on the ledger").isEqualTo(Money.parse("2.50"));
        assertThat(eve.seatBalance()).isEqualTo(Money.parse("49.00"));
        TableView.Turn first = eve.lastTurn();
        assertThat(first.seat()).as("eve acts first, under the gun").isEqualTo(5);
        assertThat(first.legal().canCheck()).as("her post is live: nothing to call").isTrue();
        eve.act(ActionKind.CHECK);
        assertThat(lastActed(ann).seat()).isEqualTo(5);
        assertThat(lastActed(ann).action()).isEqualTo(ActionKind.CHECK);
    }

    @Test
    void aPosterBetweenTheButtonAndTheSmallBlindWaitsUntilTheButtonHasPassed() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        TableOnFakeTime.Guest bob = table.seated("bob", 1, "50.00");
        TableOnFakeTime.Guest cy = table.seated("cy", 3, "50.00");
        TableOnFakeTime.Guest dan = table.seated("dan", 4, "50.00");
        table.dealNextHand(); // button 0
        TableOnFakeTime.Guest eve = seatedPosting("eve", 2, "50.00");
        List<TableOnFakeTime.Guest> everyone = List.of(ann, bob, cy, dan, eve);
        playOut(everyone);

        table.dealNextHand(); // button 1: seat 2 would be the small blind
        assertThat(lastHand(ann).seatsDealtIn()).doesNotContain(2);
        playOut(everyone);
        table.dealNextHand(); // button 3: seat 2 is the cutoff

        TableEvent.HandStarted third = lastHand(ann);
        assertThat(third.seatsDealtIn()).containsExactly(4, 0, 1, 2, 3);
        assertThat(blinds(ann, third.handId())).extracting(TableEvent.BlindPosted::seat).containsExactly(4, 0, 2);
    }

    @Test
    void aPlayerWaitingForTheBigBlindAfterSittingOutMayChooseToPostInstead() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        TableOnFakeTime.Guest bob = table.seated("bob", 1, "50.00");
        TableOnFakeTime.Guest cy = table.seated("cy", 2, "50.00");
        TableOnFakeTime.Guest dan = table.seated("dan", 3, "50.00");
        TableOnFakeTime.Guest eve = table.seated("eve", 4, "50.00");
        List<TableOnFakeTime.Guest> everyone = List.of(ann, bob, cy, dan, eve);
        table.dealNextHand(); // button 0, everyone in
        eve.send(r -> new ClientMessage.SitOut(r, table.config.id()));
        for (int hand = 2; hand <= 4; hand++) { // buttons 1, 2 and 3, eve out
            playOut(everyone);
            table.dealNextHand();
            assertThat(lastHand(ann).seatsDealtIn()).doesNotContain(4);
        }
        String back = eve.send(r -> new ClientMessage.SitIn(r, table.config.id()));
        assertThat(eve.answer(back)).isInstanceOf(ServerMessage.Done.class);
        playOut(everyone);
        table.dealNextHand(); // button 0: seat 4 is the cutoff, not the big blind, and eve waits for it
        assertThat(lastHand(ann).seatsDealtIn()).as("waiting for the big blind").doesNotContain(4);

        String post = eve.send(r -> new ClientMessage.SitIn(r, table.config.id(), true));
        assertThat(eve.answer(post)).isInstanceOf(ServerMessage.Done.class);
        playOut(everyone);
        table.dealNextHand(); // button 1: seat 2 small blind, 3 big blind, 4 under the gun, posting

        TableEvent.HandStarted sixth = lastHand(ann);
        assertThat(sixth.seatsDealtIn()).containsExactly(2, 3, 4, 0, 1);
        assertThat(blinds(ann, sixth.handId())).extracting(TableEvent.BlindPosted::seat).containsExactly(2, 3, 4);
    }

    private TableOnFakeTime.Guest seatedPosting(String name, int seat, String buyIn) {
        TableOnFakeTime.Guest guest = table.guest(name);
        String requestId = guest.send(r -> new ClientMessage.SitDown(r, table.config.id(), seat, Money.parse(buyIn), true));
        assertThat(guest.answer(requestId)).isInstanceOf(ServerMessage.Done.class);
        return guest;
    }

    /** Checks when free, folds otherwise, for whoever is to act, until the hand is over. */
    private static void playOut(List<TableOnFakeTime.Guest> guests) {
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

    private static TableEvent.PlayerActed lastActed(TableOnFakeTime.Guest viewer) {
        List<TableEvent.PlayerActed> acted = viewer.connection.events(TableEvent.PlayerActed.class);
        return acted.get(acted.size() - 1);
    }

    /** The blinds posted in hand {@code handId}, in order. */
    private static List<TableEvent.BlindPosted> blinds(TableOnFakeTime.Guest viewer, long handId) {
        List<TableEvent.BlindPosted> posted = new java.util.ArrayList<>();
        boolean inHand = false;
        for (TableEvent event : viewer.connection.events()) {
            if (event instanceof TableEvent.HandStarted started) {
                inHand = started.handId() == handId;
            } else if (inHand && event instanceof TableEvent.BlindPosted blind) {
                posted.add(blind);
            }
        }
        return posted;
    }
}
