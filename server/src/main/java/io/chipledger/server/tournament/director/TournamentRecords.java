package io.chipledger.server.tournament.director;

import io.chipledger.money.Money;
import io.chipledger.server.tournament.Placing;
import io.chipledger.server.tournament.Prize;
import io.chipledger.server.tournament.TournamentRules;
import io.chipledger.server.tournament.TournamentStatus;
import java.time.Instant;
import io.chipledger.server.table.TableConfig;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * Where tournaments are stored, so a restarted server knows what each was doing: templates, tournaments and their
 * status, entries with their places and prizes. What a posting is for is stored before it is posted. Blocking: the
 * actors call it on the worker executor.
 */
public interface TournamentRecords {

    /** Stores a template with its levels and payouts, all or nothing; returns its id. */
    long createTemplate(TournamentRules rules);

    /** Every template, by id. */
    List<TournamentTemplate> templates();

    void setTemplateActive(long templateId, boolean active);

    /**
     * Stores a new tournament of the template, registering, and returns its id; or returns the one registering already
     * (another game node's), so a template has one at a time.
     */
    long openTournament(long templateId);

    /** The tournament, or null. */
    StoredTournament tournament(long id);

    /** Every tournament not over (not FINISHED or CANCELLED), oldest first. */
    List<StoredTournament> notOver();

    /** The latest tournaments in one of {@code statuses}, newest first. */
    List<StoredTournament> recent(List<TournamentStatus> statuses, int limit);

    /** Sets the status; RUNNING also sets the start (and the first level's), FINISHED and CANCELLED the end. */
    void setStatus(long id, TournamentStatus status, Instant at);

    /** CANCELLING, with the operator's reason. */
    void cancelling(long id, String reason);

    /** Stores a registration; null when this player's request is already stored (a request sent again). */
    Long insertEntry(long tournamentId, long playerId, String requestId);

    StoredEntry entryByRequest(long tournamentId, long playerId, String requestId);

    /** Every entry of these tournaments, in each by entry id (registration order). */
    List<StoredEntry> entries(List<Long> tournamentIds);

    /** {@code REGISTERED}, {@code UNREGISTERED} (at {@code at}) or {@code REFUSED}. */
    void setEntryState(long entryId, String state, Instant at);

    /**
     * Stores a hand's placings and, when they decide the tournament, the prizes with the status FINISHING, in one
     * transaction: a tournament is never found finishing without its prizes.
     *
     * @param entryOf each player's entry id
     */
    void recordPlacings(long tournamentId, List<Placing> placings, Long handId, LongUnaryOperator entryOf, List<Prize> prizes);

    /**
     * Stores the table a running tournament is played at, with these settings (their id is ignored), and links it to
     * the tournament, in one transaction; returns the table's id.
     */
    long openTable(long tournamentId, TableConfig settings);

    /**
     * Stores what a hand at the tournament's table came to, in one transaction: the level in force after it, the
     * button's seat in it, every seated player's chips ({@code chipsByEntry}), the placings it decided and, when they
     * decide the tournament, the prizes with the status FINISHING.
     */
    void recordHand(long tournamentId, Long handId, LevelState level, int button, Map<Long, Long> chipsByEntry,
                    List<Placing> placings, LongUnaryOperator entryOf, List<Prize> prizes);

    /** The blind level in force, since when, and how many hands were dealt at it. */
    record LevelState(int level, Instant startedAt, int hands) {
    }

    /** A tournament as stored; {@code button} the button's seat in the last hand played (null before the first). */
    record StoredTournament(long id, long templateId, String status, Long tableId, int level, Instant levelStartedAt,
                            int levelHands, Instant createdAt, Instant startedAt, Instant endedAt, String cancelReason,
                            Integer button) {
    }

    /**
     * An entry as stored; {@code place} to {@code lastPlace} once decided, {@code tieOrder} its turn for a shared
     * prize's odd cents, {@code prize} once the last place is decided.
     */
    record StoredEntry(long id, long tournamentId, long playerId, String playerName, String requestId, String state,
                       Instant registeredAt, Instant unregisteredAt, Long chips, Integer place, Integer lastPlace,
                       int tieOrder, Long bustedInHand, Money prize, Boolean oddCent) {
    }
}
