package io.chipledger.server.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.chipledger.ledger.TransferKind;
import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.protocol.TableView;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HistoryEvent;
import io.chipledger.server.history.record.SeatRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The table actor on fake time and an in-memory ledger: seating, the hand, the clock, absences, operators and chat,
 * each in milliseconds. Heads-up, the first hand's button is seat 0, which posts the small blind and acts first.
 */
class TableActorTest {

    private final TableOnFakeTime table = new TableOnFakeTime();

    private static ErrorCode code(ServerMessage answer) {
        return answer instanceof ServerMessage.Error error ? error.code() : null;
    }

    @Test
    void noOneHearsOfBlindsBeforeTheLedgerCommitsThem() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        TableOnFakeTime.Guest bob = table.seated("bob", 1, "50.00");
        table.ledger.hold();

        table.dealNextHand();

        assertThat(bob.connection.events(TableEvent.HandStarted.class)).hasSize(1);
        assertThat(table.ledger.heldCount()).isEqualTo(1);
        assertThat(bob.connection.events(TableEvent.BlindPosted.class)).as("the blinds are not committed yet").isEmpty();
        assertThat(ann.connection.events(TableEvent.TurnStarted.class)).isEmpty();

        table.ledger.commitHeld();

        assertThat(bob.connection.events(TableEvent.BlindPosted.class)).extracting(TableEvent.BlindPosted::amount)
                .containsExactly(Money.parse("0.50"), Money.parse("1.00"));
        assertThat(ann.toAct()).isTrue();
    }

    @Test
    void anActionIsAcknowledgedAtOnceButToldOnlyOnceCommitted() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        TableOnFakeTime.Guest bob = table.seated("bob", 1, "50.00");
        table.dealNextHand();
        table.ledger.hold();

        String call = ann.act(ActionKind.CALL);

        assertThat(ann.answer(call)).isInstanceOf(ServerMessage.Done.class);
        assertThat(bob.connection.events(TableEvent.PlayerActed.class)).isEmpty();

        table.ledger.commitHeld();

        assertThat(bob.connection.events(TableEvent.PlayerActed.class)).singleElement()
                .satisfies(acted -> {
                    assertThat(acted.action()).isEqualTo(ActionKind.CALL);
                    assertThat(acted.stack()).isEqualTo(Money.parse("49.00"));
                });
        assertThat(bob.toAct()).as("the big blind's option").isTrue();
    }

    @Test
    void onlyThePlayerToActSeesTheirOptionsAndOnlyTheirOwnHoleCards() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        TableOnFakeTime.Guest bob = table.seated("bob", 1, "50.00");

        table.dealNextHand();

        assertThat(ann.lastTurn().legal()).isNotNull();
        assertThat(bob.lastTurn().seat()).isZero();
        assertThat(bob.lastTurn().legal()).isNull();
        assertThat(ann.connection.events(TableEvent.HoleCardsDealt.class))
                .allSatisfy(dealt -> assertThat(dealt.cards() != null).isEqualTo(dealt.seat() == 0));
        assertThat(bob.connection.events(TableEvent.HoleCardsDealt.class))
                .allSatisfy(dealt -> assertThat(dealt.cards() != null).isEqualTo(dealt.seat() == 1));
    }

    @Test
    void theClockGivesTheActionTimeThenTheTimeBankThenFoldsForThePlayer() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        TableOnFakeTime.Guest bob = table.seated("bob", 1, "50.00");
        table.dealNextHand();

        table.advance(Duration.ofSeconds(20));
        assertThat(bob.connection.events(TableEvent.PlayerActed.class)).as("the time bank runs").isEmpty();

        table.advance(Duration.ofSeconds(30));
        assertThat(bob.connection.events(TableEvent.PlayerActed.class)).singleElement().satisfies(acted -> {
            assertThat(acted.seat()).isZero();
            assertThat(acted.action()).isEqualTo(ActionKind.FOLD);
            assertThat(acted.timedOut()).isTrue();
        });
        assertThat(bob.connection.events(TableEvent.HandEnded.class)).hasSize(1);
        assertThat(ann.seatBalance()).isEqualTo(Money.parse("49.50"));
    }

    @Test
    void aPlayerWhoActsInTheTimeBankKeepsOnlyWhatIsLeftOfIt() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        TableOnFakeTime.Guest bob = table.seated("bob", 1, "50.00");
        table.dealNextHand();
        table.advance(Duration.ofSeconds(20 + 12));

        ann.act(ActionKind.CALL);
        bob.act(ActionKind.CHECK);

        TableView.Turn annsNext = ann.lastTurn();
        assertThat(annsNext.seat()).as("after the flop the big blind acts first").isEqualTo(1);
        bob.act(ActionKind.CHECK);
        assertThat(ann.lastTurn().timeBankMillis()).isEqualTo(18_000);
    }

    @Test
    void aPlayerWhoDropsKeepsTheSeatThroughTheGraceThenSitsOutThenIsCashedOut() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        TableOnFakeTime.Guest bob = table.seated("bob", 1, "50.00");
        table.actor.disconnected(ann.connection);

        assertThat(bob.connection.events(TableEvent.ConnectionChanged.class)).singleElement()
                .satisfies(changed -> assertThat(changed.connected()).isFalse());
        table.advance(Duration.ofSeconds(59));
        assertThat(bob.connection.events(TableEvent.SatOut.class)).isEmpty();
        table.advance(Duration.ofSeconds(1));
        assertThat(bob.connection.events(TableEvent.SatOut.class)).singleElement().extracting(TableEvent.SatOut::seat).isEqualTo(0);

        table.advance(Duration.ofMinutes(5));

        assertThat(bob.connection.events(TableEvent.SeatLeft.class)).singleElement()
                .satisfies(left -> assertThat(left.cashedOut()).isEqualTo(ann.wallet().minus(Money.parse("950.00"))));
        assertThat(ann.wallet().plus(bob.wallet()).plus(bob.seatBalance())).isEqualTo(Money.parse("2000.00"));
        assertThat(table.records.seats()).extracting(InMemoryTableRecords.SeatRow::playerId).containsExactly(bob.player.id());
    }

    @Test
    void aPlayerWhoComesBackWithinTheGraceIsNotSatOut() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        TableOnFakeTime.Guest bob = table.seated("bob", 1, "50.00");
        table.actor.disconnected(ann.connection);
        table.advance(Duration.ofSeconds(30));

        ann.send(r -> new ClientMessage.Watch(r, table.config.id(), null));
        table.advance(Duration.ofMinutes(10));

        assertThat(bob.connection.events(TableEvent.SatOut.class)).isEmpty();
        assertThat(bob.connection.events(TableEvent.SeatLeft.class)).isEmpty();
        assertThat(bob.connection.events(TableEvent.ConnectionChanged.class)).extracting(TableEvent.ConnectionChanged::connected)
                .containsExactly(false, true);
    }

    @Test
    void aLeaverInTheHandIsFoldedOnTheirTurnAndCashedOutWhenTheHandEnds() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        TableOnFakeTime.Guest bob = table.seated("bob", 1, "50.00");
        table.dealNextHand();

        String leave = ann.send(r -> new ClientMessage.Leave(r, table.config.id()));

        assertThat(ann.answer(leave)).isInstanceOf(ServerMessage.Done.class);
        assertThat(bob.connection.events(TableEvent.PlayerActed.class)).singleElement()
                .satisfies(acted -> assertThat(acted.action()).isEqualTo(ActionKind.FOLD));
        assertThat(bob.connection.events(TableEvent.SeatLeft.class)).singleElement()
                .satisfies(left -> assertThat(left.cashedOut()).isEqualTo(Money.parse("49.50")));
        assertThat(ann.wallet()).isEqualTo(Money.parse("999.50"));
        assertThat(table.ledger.total()).isEqualTo(Money.ZERO);
    }

    @Test
    void aMoveTheLedgerRefusesVoidsTheHandAndEveryChipGoesBack() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        TableOnFakeTime.Guest bob = table.seated("bob", 1, "50.00");
        table.dealNextHand();
        table.ledger.refuseWhen(posting -> posting.kind() == TransferKind.BET);

        ann.act(ActionKind.CALL);

        assertThat(bob.connection.events(TableEvent.HandVoided.class)).singleElement()
                .satisfies(voided -> assertThat(voided.reason()).isEqualTo("the ledger refused a movement"));
        assertThat(bob.connection.events(TableEvent.PlayerActed.class)).as("a refused move is never told").isEmpty();
        assertThat(ann.seatBalance()).isEqualTo(Money.parse("50.00"));
        assertThat(bob.seatBalance()).isEqualTo(Money.parse("50.00"));
        assertThat(table.records.finishedHands()).extracting(InMemoryTableRecords.FinishedHand::outcome)
                .containsExactly(HandRecords.HandOutcome.VOIDED);
    }

    @Test
    void aBuyInSentAgainIsAnsweredAgainAndMovesNothingMore() {
        TableOnFakeTime.Guest ann = table.guest("ann");
        ClientMessage.SitDown sitDown = new ClientMessage.SitDown("sit-1", table.config.id(), 2, Money.parse("40.00"));

        table.actor.receive(ann.connection, ann.player, sitDown);
        table.actor.receive(ann.connection, ann.player, sitDown);
        table.actor.receive(ann.connection, ann.player,
                new ClientMessage.SitDown("sit-1", table.config.id(), 2, Money.parse("45.00")));

        assertThat(ann.connection.received()).filteredOn(m -> m instanceof ServerMessage.Done || m instanceof ServerMessage.Error)
                .extracting(TableActorTest::code).containsExactly(null, null, ErrorCode.REQUEST_ID_REUSED);
        assertThat(ann.wallet()).isEqualTo(Money.parse("960.00"));
    }

    @Test
    void chatAllowsABurstThenALineASecond() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        List<String> lines = List.of("a", "b", "c", "d", "e", "f");
        List<String> requests = lines.stream().map(text -> ann.send(r -> new ClientMessage.Chat(r, table.config.id(), text))).toList();

        assertThat(requests).extracting(r -> code(ann.answer(r)))
                .containsExactly(null, null, null, null, null, ErrorCode.RATE_LIMITED);
        table.advance(Duration.ofSeconds(1));
        String later = ann.send(r -> new ClientMessage.Chat(r, table.config.id(), "g"));
        assertThat(ann.answer(later)).isInstanceOf(ServerMessage.Done.class);
    }

    @Test
    void anOperatorsCloseLetsTheHandFinishThenCashesEverySeatOut() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        TableOnFakeTime.Guest bob = table.seated("bob", 1, "50.00");
        table.dealNextHand();

        var closed = table.actor.close();
        assertThat(closed).isNotDone();
        ann.act(ActionKind.FOLD);

        assertThat(closed).isCompleted();
        assertThat(ann.wallet().plus(bob.wallet())).isEqualTo(Money.parse("2000.00"));
        String sit = ann.send(r -> new ClientMessage.SitDown(r, table.config.id(), 0, Money.parse("50.00")));
        assertThat(code(ann.answer(sit))).isEqualTo(ErrorCode.TABLE_CLOSED);
    }

    @Test
    void aPausedTableDealsNoNewHandUntilResumed() {
        table.actor.pause();
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        table.seated("bob", 1, "50.00");
        table.dealNextHand();
        assertThat(ann.connection.events(TableEvent.HandStarted.class)).isEmpty();

        table.actor.resume();
        table.dealNextHand();

        assertThat(ann.connection.events(TableEvent.HandStarted.class)).hasSize(1);
    }

    /** Issue 16: a player who took seat 0 and replayed the table's log was shown the folded cards of seat 0's last player. */
    @Test
    void aPlayerWhoTakesAnEarlierPlayersSeatReplaysNoneOfTheirPrivateEvents() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        TableOnFakeTime.Guest bob = table.seated("bob", 1, "50.00");
        table.dealNextHand();
        ann.act(ActionKind.FOLD);
        ann.send(r -> new ClientMessage.Leave(r, table.config.id()));
        TableOnFakeTime.Guest cy = table.seated("cy", 0, "50.00");
        table.dealNextHand();
        assertThat(bob.connection.events(TableEvent.HandStarted.class)).as("cy plays hand 2 in ann's old seat").hasSize(2);
        long cysHand = cy.lastHandId();

        List<ServerMessage.Event> log = bob.connection.received().stream().filter(m -> m instanceof ServerMessage.Event)
                .map(m -> (ServerMessage.Event) m).toList();
        for (long from = 0; from < log.size(); from++) {
            long replayFrom = from;
            cy.connection.forget();
            cy.send(r -> new ClientMessage.Watch(r, table.config.id(), replayFrom));
            long hand = log.stream().filter(e -> e.seq() <= replayFrom && e.event() instanceof TableEvent.HandStarted)
                    .mapToLong(e -> ((TableEvent.HandStarted) e.event()).handId()).max().orElse(-1);
            for (TableEvent event : cy.connection.events()) {
                if (event instanceof TableEvent.HandStarted started) {
                    hand = started.handId();
                } else if (event instanceof TableEvent.HoleCardsDealt dealt && dealt.cards() != null) {
                    assertThat(hand).as("replayed from %d: hole cards %s of seat %d", replayFrom, dealt.cards(), dealt.seat())
                            .isEqualTo(cysHand);
                } else if (event instanceof TableEvent.TurnStarted turn && turn.turn().legal() != null) {
                    assertThat(hand).as("replayed from %d: the options of seat %d", replayFrom, turn.turn().seat())
                            .isEqualTo(cysHand);
                }
            }
        }
    }

    /** Issue 16: so that a crash voiding the hand leaves its seats, stacks and actions, not only its refunds. */
    @Test
    void theRecordOfTheHandSoFarIsKeptAfterEveryCommitUntilTheHandEnds() {
        TableOnFakeTime.Guest ann = table.seated("ann", 0, "50.00");
        table.seated("bob", 1, "40.00");
        table.dealNextHand();
        long hand = ann.lastHandId();

        HistoryEventsSoFar blinds = new HistoryEventsSoFar(table.records.progressOf(hand));
        ann.act(ActionKind.RAISE, "3.00");
        HistoryEventsSoFar raised = new HistoryEventsSoFar(table.records.progressOf(hand));

        assertThat(blinds.record().seats()).extracting(SeatRecord::seat, SeatRecord::startingStack)
                .containsExactlyInAnyOrder(tuple(0, Money.parse("50.00")), tuple(1, Money.parse("40.00")));
        assertThat(blinds.record().seats()).allSatisfy(seat -> assertThat(seat.holeCards()).hasSize(2));
        assertThat(blinds.of(HistoryEvent.BlindPosted.class)).hasSize(2).allSatisfy(b -> assertThat(b.transferId()).isNotNull());
        assertThat(raised.of(HistoryEvent.Raised.class)).singleElement()
                .satisfies(r -> assertThat(r.to()).isEqualTo(Money.parse("3.00")));
        table.advance(Duration.ofMinutes(2)); // bob's clock runs out: he folds, and the hand is stored
        assertThat(table.records.progressOf(hand)).as("dropped once the hand is stored").isNull();
    }

    /** The events of a record kept while a hand is played. */
    private record HistoryEventsSoFar(HandHistory record) {
        <E extends HistoryEvent> List<E> of(Class<E> type) {
            return record.events().stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
