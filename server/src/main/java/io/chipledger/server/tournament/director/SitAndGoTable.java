package io.chipledger.server.tournament.director;

import io.chipledger.server.table.TournamentPlay;
import io.chipledger.server.tournament.BlindLevel;
import io.chipledger.server.tournament.BlindSchedule;
import io.chipledger.server.tournament.Bust;
import io.chipledger.server.tournament.TournamentRules;
import io.chipledger.server.tournament.director.TournamentRecords.LevelState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

/**
 * A sit-and-go as its table sees it: the blind level of each hand, moved on by the template's pace (hands dealt, or
 * time), and each hand's result handed to the tournament's actor, which stores it and places the busted players.
 * Called from the table's mailbox only, one call at a time.
 */
final class SitAndGoTable implements TournamentPlay {

    private final TournamentActor tournament;
    private final BlindSchedule blinds;
    private final LongConsumer closed;
    private final Entry entry;
    private LevelState level;

    SitAndGoTable(TournamentActor tournament, TournamentRules rules, LevelState level, LongConsumer closed) {
        this.tournament = tournament;
        this.entry = new Entry(tournament.id(), rules.buyIn(), rules.fee());
        this.blinds = rules.blinds();
        this.level = level;
        this.closed = closed;
    }

    @Override
    public Entry entry() {
        return entry;
    }

    @Override
    public Level levelForNextHand(Instant now) {
        int next = blinds.levelFor(level.level(), Duration.between(level.startedAt(), now), level.hands());
        level = next == level.level() ? new LevelState(next, level.startedAt(), level.hands() + 1) : new LevelState(next, now, 1);
        return levelInForce();
    }

    @Override
    public Level levelInForce() {
        BlindLevel blindLevel = blinds.level(level.level());
        return new Level(level.level(), blindLevel.smallBlind(), blindLevel.bigBlind(), blindLevel.ante());
    }

    @Override
    public CompletableFuture<Void> handEnded(long handId, int button, Map<Long, Long> chipsByPlayer, List<Busted> busts) {
        return tournament.handPlayed(handId, level, button, chipsByPlayer, busts.stream()
                .map(bust -> new Bust(bust.playerId(), bust.chipsAtHandStart(), bust.seatOrder())).toList());
    }

    @Override
    public void tableClosed(long tableId) {
        closed.accept(tableId);
    }
}
