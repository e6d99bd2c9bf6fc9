package io.chipledger.server.store;

import io.chipledger.money.Money;
import io.chipledger.server.tournament.director.TournamentRecords.StoredEntry;
import io.chipledger.server.tournament.director.TournamentRecords.StoredTournament;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * The tournaments' SQL (TournamentMapper.xml beside this file's resources): templates with their levels and payouts,
 * tournaments and their entries. Never the ledger's tables: money moves only through ledger postings.
 */
public interface TournamentMapper {

    // ---- templates ----

    long insertTemplate(TemplateRow row);

    void insertLevel(LevelRow row);

    void insertPayout(PayoutRow row);

    List<TemplateRow> templates();

    List<LevelRow> levels();

    List<PayoutRow> payouts();

    int setTemplateStatus(@Param("id") long id, @Param("status") String status);

    /** {@code id} is ignored on insert; a level lasts {@code levelSeconds} or {@code levelHands}, the other null. */
    record TemplateRow(long id, String name, int seats, Money buyIn, Money fee, long startingChips, Integer levelSeconds,
                       Integer levelHands, int actionSeconds, int timeBankSeconds, String status, Instant createdAt) {
    }

    record LevelRow(long templateId, int level, long smallBlind, long bigBlind, long ante) {
    }

    record PayoutRow(long templateId, int place, BigDecimal percent) {
    }

    // ---- tournaments ----

    long insertTournament(@Param("templateId") long templateId);

    /** Locks the template's row until the transaction ends. */
    Long lockTemplate(@Param("templateId") long templateId);

    /** The template's tournament registering now (the oldest, should there be two), or null. */
    Long registeringOf(@Param("templateId") long templateId);

    StoredTournament tournament(@Param("id") long id);

    /** Every tournament not over (not FINISHED or CANCELLED), oldest first. */
    List<StoredTournament> tournamentsNotOver();

    /** The latest tournaments in one of {@code statuses}, newest first. */
    List<StoredTournament> recentTournaments(@Param("statuses") List<String> statuses, @Param("limit") int limit);

    /** Sets the status, and the start or end time, or the cancellation's reason, when given (else keeps them). */
    int setStatus(@Param("id") long id, @Param("status") String status, @Param("startedAt") Instant startedAt,
                  @Param("endedAt") Instant endedAt, @Param("cancelReason") String cancelReason);

    int setTable(@Param("id") long id, @Param("tableId") long tableId);

    int setLevel(@Param("id") long id, @Param("level") int level, @Param("levelStartedAt") Instant levelStartedAt,
                 @Param("levelHands") int levelHands);

    int setButton(@Param("id") long id, @Param("button") int button);

    // ---- entries ----

    /** Stores an entry (state REGISTERED); returns its id, or null when this request of this player is already stored. */
    Long insertEntry(@Param("tournamentId") long tournamentId, @Param("playerId") long playerId,
                     @Param("requestId") String requestId);

    StoredEntry entryByRequest(@Param("tournamentId") long tournamentId, @Param("playerId") long playerId,
                            @Param("requestId") String requestId);

    /** Every entry of the tournaments given, in each tournament by entry id. */
    List<StoredEntry> entries(@Param("tournamentIds") List<Long> tournamentIds);

    int setEntryState(@Param("id") long id, @Param("state") String state, @Param("at") Instant at);

    /** Where the player of this entry finished; {@code tieOrder}: their turn for a shared prize's odd cents. */
    int setPlace(@Param("id") long entryId, @Param("place") int place, @Param("lastPlace") int lastPlace,
                 @Param("tieOrder") int tieOrder, @Param("handId") Long handId);

    int setChips(@Param("id") long entryId, @Param("chips") long chips);

    int setPrize(@Param("id") long entryId, @Param("prize") Money prize, @Param("oddCent") boolean oddCent);

}
