package io.chipledger.server.store;

import io.chipledger.server.table.TableConfig;
import io.chipledger.server.table.TableStatus;
import io.chipledger.server.tournament.BlindLevel;
import io.chipledger.server.tournament.BlindSchedule;
import io.chipledger.server.tournament.LevelPace;
import io.chipledger.server.tournament.PayoutTable;
import io.chipledger.server.tournament.Placing;
import io.chipledger.server.tournament.Prize;
import io.chipledger.server.tournament.TournamentRules;
import io.chipledger.server.tournament.TournamentStatus;
import io.chipledger.server.tournament.director.TournamentRecords;
import io.chipledger.server.tournament.director.TournamentTemplate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.LongUnaryOperator;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** {@link TournamentRecords} in the {@code tournament*} tables; blocking, as the interface says. */
public final class PostgresTournamentRecords implements TournamentRecords {

    private final Transactions transactions;

    public PostgresTournamentRecords(SqlSessionFactory database, Executor worker) {
        this.transactions = new Transactions(database, worker);
    }

    @Override
    public long createTemplate(TournamentRules rules) {
        long[] id = new long[1];
        transactions.inOne(session -> {
            TournamentMapper mapper = tournaments(session);
            Integer seconds = rules.blinds().pace() instanceof LevelPace.ByTime byTime ? (int) byTime.length().toSeconds() : null;
            Integer hands = rules.blinds().pace() instanceof LevelPace.ByHands byHands ? byHands.hands() : null;
            id[0] = mapper.insertTemplate(new TournamentMapper.TemplateRow(0, rules.name(), rules.seats(), rules.buyIn(),
                    rules.fee(), rules.startingChips(), seconds, hands, (int) rules.actionTime().toSeconds(),
                    (int) rules.timeBank().toSeconds(), "ACTIVE", null));
            List<BlindLevel> levels = rules.blinds().levels();
            for (int i = 0; i < levels.size(); i++) {
                BlindLevel level = levels.get(i);
                mapper.insertLevel(new TournamentMapper.LevelRow(id[0], i + 1, level.smallBlind(), level.bigBlind(), level.ante()));
            }
            List<BigDecimal> percents = rules.payouts().percents();
            for (int i = 0; i < percents.size(); i++) {
                mapper.insertPayout(new TournamentMapper.PayoutRow(id[0], i + 1, percents.get(i)));
            }
        });
        return id[0];
    }

    @Override
    public List<TournamentTemplate> templates() {
        return transactions.now(session -> {
            TournamentMapper mapper = tournaments(session);
            Map<Long, List<TournamentMapper.LevelRow>> levels = mapper.levels().stream()
                    .collect(Collectors.groupingBy(TournamentMapper.LevelRow::templateId));
            Map<Long, List<TournamentMapper.PayoutRow>> payouts = mapper.payouts().stream()
                    .collect(Collectors.groupingBy(TournamentMapper.PayoutRow::templateId));
            return mapper.templates().stream().map(row -> templateOf(row, levels.getOrDefault(row.id(), List.of()),
                    payouts.getOrDefault(row.id(), List.of()))).toList();
        });
    }

    private static TournamentTemplate templateOf(TournamentMapper.TemplateRow row, List<TournamentMapper.LevelRow> levels,
                                                 List<TournamentMapper.PayoutRow> payouts) {
        LevelPace pace = row.levelSeconds() != null ? new LevelPace.ByTime(Duration.ofSeconds(row.levelSeconds()))
                : new LevelPace.ByHands(row.levelHands());
        BlindSchedule blinds = new BlindSchedule(levels.stream()
                .map(l -> new BlindLevel(l.smallBlind(), l.bigBlind(), l.ante())).toList(), pace);
        TournamentRules rules = new TournamentRules(row.name(), row.seats(), row.buyIn(), row.fee(), row.startingChips(),
                blinds, new PayoutTable(payouts.stream().map(TournamentMapper.PayoutRow::percent).toList()),
                Duration.ofSeconds(row.actionSeconds()), Duration.ofSeconds(row.timeBankSeconds()));
        return new TournamentTemplate(row.id(), rules, "ACTIVE".equals(row.status()));
    }

    @Override
    public void setTemplateActive(long templateId, boolean active) {
        transactions.now(session -> tournaments(session).setTemplateStatus(templateId, active ? "ACTIVE" : "RETIRED"));
    }

    @Override
    public long openTournament(long templateId) {
        long[] id = new long[1];
        // Under the template's row lock, so game nodes opening one at the same moment find each other's.
        transactions.inOne(session -> {
            TournamentMapper tournaments = tournaments(session);
            tournaments.lockTemplate(templateId);
            Long registering = tournaments.registeringOf(templateId);
            id[0] = registering != null ? registering : tournaments.insertTournament(templateId);
            session.commit(true); // the INSERT ... RETURNING is a select to MyBatis: committed by force
        });
        return id[0];
    }

    @Override
    public StoredTournament tournament(long id) {
        return transactions.now(session -> tournaments(session).tournament(id));
    }

    @Override
    public List<StoredTournament> notOver() {
        return transactions.now(session -> tournaments(session).tournamentsNotOver());
    }

    @Override
    public List<StoredTournament> recent(List<TournamentStatus> statuses, int limit) {
        return transactions.now(session -> tournaments(session).recentTournaments(statuses.stream().map(Enum::name).toList(), limit));
    }

    @Override
    public void setStatus(long id, TournamentStatus status, Instant at) {
        transactions.now(session -> tournaments(session).setStatus(id, status.name(),
                status == TournamentStatus.RUNNING ? at : null, status.over() ? at : null, null));
    }

    @Override
    public void cancelling(long id, String reason) {
        transactions.now(session -> tournaments(session).setStatus(id, TournamentStatus.CANCELLING.name(), null, null, reason));
    }

    @Override
    public Long insertEntry(long tournamentId, long playerId, String requestId) {
        return transactions.now(session -> tournaments(session).insertEntry(tournamentId, playerId, requestId));
    }

    @Override
    public StoredEntry entryByRequest(long tournamentId, long playerId, String requestId) {
        return transactions.now(session -> tournaments(session).entryByRequest(tournamentId, playerId, requestId));
    }

    @Override
    public List<StoredEntry> entries(List<Long> tournamentIds) {
        return tournamentIds.isEmpty() ? List.of() : transactions.now(session -> tournaments(session).entries(tournamentIds));
    }

    @Override
    public void setEntryState(long entryId, String state, Instant at) {
        transactions.now(session -> tournaments(session).setEntryState(entryId, state, at));
    }

    @Override
    public void recordPlacings(long tournamentId, List<Placing> placings, Long handId, LongUnaryOperator entryOf,
                               List<Prize> prizes) {
        transactions.inOne(session -> recordPlacings(tournaments(session), tournamentId, placings, handId, entryOf, prizes));
    }

    private static void recordPlacings(TournamentMapper mapper, long tournamentId, List<Placing> placings, Long handId,
                                       LongUnaryOperator entryOf, List<Prize> prizes) {
        for (Placing placing : placings) {
            for (int i = 0; i < placing.players().size(); i++) {
                mapper.setPlace(entryOf.applyAsLong(placing.players().get(i)), placing.place(), placing.lastPlace(), i, handId);
            }
        }
        if (!prizes.isEmpty()) {
            for (Prize prize : prizes) {
                mapper.setPrize(entryOf.applyAsLong(prize.playerId()), prize.amount(), prize.oddCent());
            }
            mapper.setStatus(tournamentId, TournamentStatus.FINISHING.name(), null, null, null);
        }
    }

    @Override
    public long openTable(long tournamentId, TableConfig settings) {
        long[] id = new long[1];
        transactions.inOne(session -> {
            id[0] = session.getMapper(PokerTableMapper.class).insertTable(PostgresTableRecords.rowOf(settings, TableStatus.OPEN));
            tournaments(session).setTable(tournamentId, id[0]);
        });
        return id[0];
    }

    @Override
    public void recordHand(long tournamentId, Long handId, LevelState level, int button, Map<Long, Long> chipsByEntry,
                           List<Placing> placings, LongUnaryOperator entryOf, List<Prize> prizes) {
        transactions.inOne(session -> {
            TournamentMapper mapper = tournaments(session);
            mapper.setLevel(tournamentId, level.level(), level.startedAt(), level.hands());
            mapper.setButton(tournamentId, button);
            chipsByEntry.forEach(mapper::setChips);
            recordPlacings(mapper, tournamentId, placings, handId, entryOf, prizes);
        });
    }

    private static TournamentMapper tournaments(SqlSession session) {
        return session.getMapper(TournamentMapper.class);
    }
}
