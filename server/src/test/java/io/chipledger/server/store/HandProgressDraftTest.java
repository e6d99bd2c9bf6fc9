package io.chipledger.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.money.Money;
import io.chipledger.money.RakeRule;
import io.chipledger.server.game.holdem.Stakes;
import io.chipledger.server.history.record.DeckRecord;
import io.chipledger.server.history.record.GameRecord;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HandStatus;
import io.chipledger.server.history.record.HistoryEvent;
import io.chipledger.server.history.record.SeatRecord;
import io.chipledger.server.table.HandRecords;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A hand's progress is kept whole once, then a move's new events at a time; crash recovery reads back the record the
 * hand had, as if it had been written whole after its last move.
 */
class HandProgressDraftTest {

    private static final Instant STARTED = Instant.parse("2026-12-06T00:00:00Z");
    private static final Instant AT = Instant.parse("2026-12-06T00:00:05Z");
    private static final Money FIFTY = Money.parse("50.00");
    private static final List<HistoryEvent> PLAYED = List.of(
            new HistoryEvent.BlindPosted(1, "SMALL", Money.parse("0.50"), false, 11L),
            new HistoryEvent.BlindPosted(2, "BIG", Money.parse("1.00"), false, 12L),
            new HistoryEvent.HoleCardsDealt(1, List.of("As", "Kd")),
            new HistoryEvent.HoleCardsDealt(2, List.of("7c", "7h")),
            new HistoryEvent.Called(1, Money.parse("0.50"), false, 13L),
            new HistoryEvent.Checked(2),
            new HistoryEvent.StreetDealt("FLOP", List.of("2c", "9d", "Th")),
            new HistoryEvent.Checked(2),
            new HistoryEvent.Bet(1, Money.parse("2.00"), false, 14L));

    private final Database database = SharedPostgres.freshDatabase();
    private final PostgresHandRecords records;
    private final long handId;

    HandProgressDraftTest() {
        ServerSchema.migrate(database.dataSource());
        ServerSchema.registerMappers(database.sqlSessionFactory());
        records = new PostgresHandRecords(database.sqlSessionFactory(), Runnable::run);
        long tableId;
        try (SqlSession session = database.sqlSessionFactory().openSession(true);
             var statement = session.getConnection().createStatement()) {
            var inserted = statement.executeQuery("INSERT INTO poker_table (name, small_blind, big_blind, seats, "
                    + "min_buy_in, max_buy_in) VALUES ('Oak', 0.50, 1.00, 6, 20.00, 200.00) RETURNING id");
            inserted.next();
            tableId = inserted.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        handId = records.open(tableId).join();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theRecordReadBackIsTheWholeRecordAfterTheLastMoveKept() {
        records.draftProgress(handId, recordAfter(0), -1).join();
        records.draftProgress(handId, recordAfter(4), 0).join();
        records.draftProgress(handId, recordAfter(6), 4).join();
        records.draftProgress(handId, recordAfter(9), 6).join();

        assertThat(records.progress(handId)).contains(recordAfter(9));
        assertThat(stepRows()).as("the whole record once, then a row a move").isEqualTo(3);
    }

    @Test
    void aMoveWrittenAgainFromTheSameEventReplacesItsRow() {
        records.draftProgress(handId, recordAfter(0), -1).join();
        records.draftProgress(handId, recordAfter(4), 0).join();
        records.draftProgress(handId, recordAfter(5), 4).join(); // kept, but the table did not hear so
        records.draftProgress(handId, recordAfter(7), 4).join();

        assertThat(records.progress(handId)).contains(recordAfter(7));
    }

    @Test
    void aMoveThatToldNoNewEventWritesNothing() {
        records.draftProgress(handId, recordAfter(0), -1).join();
        records.draftProgress(handId, recordAfter(4), 0).join();
        records.draftProgress(handId, recordAfter(4), 4).join();

        assertThat(stepRows()).isEqualTo(1);
        assertThat(records.progress(handId)).contains(recordAfter(4));
    }

    @Test
    void aWholeRecordWrittenAgainDropsTheStepsItAlreadyHolds() {
        records.draftProgress(handId, recordAfter(0), -1).join();
        records.draftProgress(handId, recordAfter(4), 0).join();
        records.draftProgress(handId, recordAfter(6), -1).join(); // a caller that keeps no count writes the whole record

        assertThat(records.progress(handId)).contains(recordAfter(6));
        assertThat(stepRows()).isZero();
    }

    @Test
    void finishingTheHandDropsTheRecordAndItsSteps() {
        records.draftProgress(handId, recordAfter(0), -1).join();
        records.draftProgress(handId, recordAfter(6), 0).join();
        records.finish(handId, HandRecords.HandOutcome.VOIDED, recordAfter(6)).join();

        assertThat(records.progress(handId)).isEmpty();
        assertThat(stepRows()).isZero();
    }

    /** The record as the table's recorder has it after the first {@code events} events of {@link #PLAYED}. */
    private HandHistory recordAfter(int events) {
        List<HistoryEvent> played = PLAYED.subList(0, events);
        List<String> board = played.stream().filter(e -> e instanceof HistoryEvent.StreetDealt)
                .flatMap(e -> ((HistoryEvent.StreetDealt) e).cards().stream()).toList();
        List<SeatRecord> seats = List.of(seat(1, 101, "ann", played), seat(2, 102, "ben", played));
        return new HandHistory(HandHistory.VERSION, handId, 1, "Oak", "CHP", HandStatus.VOIDED,
                "the hand was still being played", STARTED, AT,
                GameRecord.of(Stakes.blinds(Money.parse("0.50"), Money.parse("1.00")), RakeRule.NONE, 6), 1, seats,
                new DeckRecord("scheme", "commitment", "seed", List.of(), null, "next"), board, played);
    }

    private static SeatRecord seat(int seat, long playerId, String name, List<HistoryEvent> played) {
        List<String> cards = played.stream().filter(e -> e instanceof HistoryEvent.HoleCardsDealt dealt && dealt.seat() == seat)
                .map(e -> ((HistoryEvent.HoleCardsDealt) e).cards()).findFirst().orElse(null);
        return new SeatRecord(seat, playerId, name, FIFTY, FIFTY, cards);
    }

    private int stepRows() {
        try (SqlSession session = database.sqlSessionFactory().openSession(true);
             var statement = session.getConnection().createStatement();
             var rows = statement.executeQuery("SELECT count(*) FROM hand_progress_step WHERE hand_id = " + handId)) {
            rows.next();
            return rows.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
