package io.chipledger.server.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.ledger.Transfer;
import io.chipledger.ledger.TransferKind;
import io.chipledger.money.Money;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HandStatus;
import io.chipledger.server.history.record.HistoryEvent;
import io.chipledger.server.history.record.SeatRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A crash-voided hand's record, made from the record it had so far and the ledger's transfers of the hand. */
class InterruptedHandRecordTest {

    private static final long POT = 9;
    private static final long ANN = 11;
    private static final long BOB = 12;
    private static final Instant START = Instant.parse("2026-12-01T12:00:00Z");

    /** The record kept after the blinds committed (transfers 1 and 2), with one raise whose posting never committed. */
    private final HandHistory progress = new HandHistory(HandHistory.VERSION, 7, 3, "T", "CHP", HandStatus.VOIDED,
            "the hand was still being played", START, START, null, 0,
            List.of(new SeatRecord(0, 101, "ann", Money.parse("50.00"), Money.parse("49.50"), List.of("As", "Kd")),
                    new SeatRecord(1, 102, "bob", Money.parse("40.00"), Money.parse("39.00"), List.of("2c", "2d"))),
            null, List.of(), List.of(
                    new HistoryEvent.BlindPosted(0, "SMALL", Money.parse("0.50"), false, 1L),
                    new HistoryEvent.BlindPosted(1, "BIG", Money.parse("1.00"), false, 2L),
                    new HistoryEvent.HoleCardsDealt(0, List.of("As", "Kd")),
                    new HistoryEvent.Raised(0, Money.parse("3.00"), Money.parse("2.50"), false, -1L)));

    @Test
    void everyTransferOfTheHandIsNamedThoseTheRecordMissedByTheirKindThenTheRefunds() {
        List<Transfer> ledger = List.of(
                new Transfer(1, 1, 0, TransferKind.BLIND, ANN, POT, Money.parse("0.50")),
                new Transfer(2, 2, 0, TransferKind.BLIND, BOB, POT, Money.parse("1.00")),
                new Transfer(3, 3, 0, TransferKind.BET, ANN, POT, Money.parse("0.50")), // committed, not yet recorded
                new Transfer(4, 4, 0, TransferKind.REFUND, POT, ANN, Money.parse("1.00")),
                new Transfer(5, 4, 1, TransferKind.REFUND, POT, BOB, Money.parse("1.00")));

        HandHistory voided = InterruptedHandRecord.of(progress, ledger, Map.of(ANN, 0, BOB, 1), "the server stopped", START);

        assertThat(voided.status()).isEqualTo(HandStatus.VOIDED);
        assertThat(voided.voidReason()).isEqualTo("the server stopped");
        assertThat(voided.transferIds()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
        assertThat(voided.events()).as("the raise that never committed is gone").noneMatch(e -> e instanceof HistoryEvent.Raised)
                .contains(new HistoryEvent.Bet(0, Money.parse("0.50"), false, 3L),
                        new HistoryEvent.Refunded(0, Money.parse("1.00"), 4L), new HistoryEvent.Refunded(1, Money.parse("1.00"), 5L));
        assertThat(voided.seats()).allSatisfy(seat -> assertThat(seat.finalStack()).isEqualTo(seat.startingStack()));
        assertThat(voided.seats()).extracting(SeatRecord::holeCards).containsExactly(List.of("As", "Kd"), List.of("2c", "2d"));
    }
}
