package io.chipledger.server.tournament.director;

import io.chipledger.server.table.TableActor;
import io.chipledger.server.table.TableConfig;
import io.chipledger.server.table.TournamentPlay;
import io.chipledger.server.tournament.BlindLevel;
import io.chipledger.server.tournament.SitAndGo;
import io.chipledger.server.tournament.TournamentRules;
import io.chipledger.server.tournament.director.TournamentRecords.LevelState;
import io.chipledger.server.tournament.director.TournamentRecords.StoredEntry;
import io.chipledger.server.tournament.director.TournamentRecords.StoredTournament;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the table a running sit-and-go is dealt at (the same table again after a restart) and seats each player still
 * in, in registration order, so a restarted tournament seats everyone where they sat. Blocking: run on the worker.
 */
final class TournamentSeating {

    private static final Logger log = LoggerFactory.getLogger(TournamentSeating.class);
    /** The currency a tournament table's hands are recorded in: tournament chips, which are not money. */
    static final String CHIPS = "TCH";

    private final TournamentDirector.Tables tables;
    private final TournamentRecords records;
    private final Clock clock;

    TournamentSeating(TournamentDirector.Tables tables, TournamentRecords records, Clock clock) {
        this.tables = tables;
        this.records = records;
        this.clock = clock;
    }

    /** The table opened, the tournament's row as it is now (with its table), and the seating under way. */
    record Opened(TableActor table, StoredTournament row, CompletableFuture<Void> seated) {
    }

    /** Opens the table of {@code tournament} and seats the players of {@code chips} (player id to chips) at it. */
    Opened open(TournamentActor tournament, SitAndGo sitAndGo, StoredTournament row, Map<Long, Long> chips) {
        TournamentRules rules = sitAndGo.rules();
        TableConfig settings = settingsOf(rules, sitAndGo.id());
        long tableId = row.tableId() != null ? row.tableId() : records.openTable(sitAndGo.id(), settings);
        StoredTournament now = records.tournament(sitAndGo.id());
        List<Long> players = sitAndGo.players();
        List<TableActor.TournamentSeat> seats = new ArrayList<>();
        for (int seat = 0; seat < players.size(); seat++) {
            Long stack = chips.get(players.get(seat));
            if (stack != null && stack > 0) {
                seats.add(new TableActor.TournamentSeat(seat, tables.players().apply(players.get(seat)), stack, false));
            }
        }
        LevelState level = new LevelState(now.level(), now.levelStartedAt() == null ? clock.instant() : now.levelStartedAt(),
                now.levelHands());
        TableActor table = tables.directory().openTournamentTable(settings.withId(tableId),
                new SitAndGoTable(tournament, rules, level, tables.directory()::tournamentTableEnded));
        log.info("tournament {}: dealt at table {} to {} player(s), level {}", sitAndGo.id(), tableId, seats.size(), level.level());
        return new Opened(table, now, table.seatTournamentPlayers(seats, now.button()));
    }

    /**
     * The chips each player still in had after the last hand stored ({@code startingChips} before the first), in
     * registration order: a hand a crash cut short is void, and play resumes from the chips of its start.
     */
    static Map<Long, Long> chipsToResume(List<StoredEntry> entries, long startingChips) {
        Map<Long, Long> chips = new LinkedHashMap<>();
        for (StoredEntry entry : entries) {
            if ("REGISTERED".equals(entry.state()) && entry.place() == null) {
                chips.put(entry.playerId(), entry.chips() == null ? startingChips : entry.chips());
            }
        }
        return chips;
    }

    /** The table's settings: the tournament's seats and clocks, in tournament chips, no rake (the fee was the house's). */
    private static TableConfig settingsOf(TournamentRules rules, long tournamentId) {
        BlindLevel first = rules.blinds().level(1);
        return TableConfig.tournament(rules.name() + " #" + tournamentId, CHIPS, rules.seats(),
                rules.startingChips() * rules.seats(), new TournamentPlay.Level(1, first.smallBlind(), first.bigBlind(),
                        first.ante()), rules.actionTime(), rules.timeBank());
    }
}
