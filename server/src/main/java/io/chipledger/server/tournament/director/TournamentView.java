package io.chipledger.server.tournament.director;

import io.chipledger.money.Money;
import io.chipledger.money.PotSplit;
import io.chipledger.server.tournament.BlindLevel;
import io.chipledger.server.tournament.LevelPace;
import io.chipledger.server.tournament.Placing;
import io.chipledger.server.tournament.Prize;
import io.chipledger.server.tournament.Prizes;
import io.chipledger.server.tournament.SitAndGo;
import io.chipledger.server.tournament.TournamentRules;
import io.chipledger.server.tournament.TournamentStatus;
import io.chipledger.server.tournament.director.TournamentRecords.StoredTournament;
import io.chipledger.server.tournament.director.TournamentRecords.LevelState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sit-and-go as the lobby, the tournament page and the admin console show it: its rules, who is registered, the
 * prize each paid place wins, and once decided where each player finished and what they won. Amounts are money
 * (strings on the wire); blinds and chips are tournament chips (numbers).
 *
 * @param prizePool the pool once every seat is taken: every seat's buy-in
 * @param payouts   each paid place's prize from that pool, best first, with its leftover cent if it got one
 * @param players   registered players in registration order, finishers with their place and prize
 * @param tableId   the table it is played at, once it runs (players watch it to play)
 * @param nextLevelInSeconds while it runs with levels by time, how long the level in force has left
 */
public record TournamentView(long id, long templateId, String name, TournamentStatus status, int seats, int registered,
                             Money buyIn, Money fee, long startingChips, String payoutTable, String levelPace,
                             Money prizePool, List<PlacePrize> payouts, List<Entrant> players, int level,
                             BlindLevel blinds, Instant createdAt, Instant startedAt, Instant endedAt,
                             String cancelReason, Long tableId, Long nextLevelInSeconds) {

    /** One paid place's prize. */
    public record PlacePrize(int place, Money amount, boolean oddCent) {
    }

    /**
     * A registered player; {@code place} and {@code prize} are null until decided, {@code chips} (tournament chips after
     * the last hand) while they are still in a running tournament.
     */
    public record Entrant(long playerId, String name, Integer place, Integer lastPlace, Money prize, Boolean oddCent,
                          Long chips) {
    }

    /**
     * @param chips each player's chips still in, while it runs
     * @param level the level in force, as its table counts it (else the stored one's)
     */
    static TournamentView of(SitAndGo sitAndGo, long templateId, StoredTournament row, Map<Long, String> names,
                             Map<Long, Long> chips, LevelState level, Instant now) {
        TournamentRules rules = sitAndGo.rules();
        List<PlacePrize> payouts = new ArrayList<>();
        for (PotSplit.Share<Integer> share : Prizes.byPlace(rules.prizePool(), rules.payouts()).shares()) {
            payouts.add(new PlacePrize(share.recipient(), share.amount(), share.oddCent()));
        }
        Map<Long, Placing> placed = new HashMap<>();
        sitAndGo.placings().forEach(p -> p.players().forEach(player -> placed.put(player, p)));
        Map<Long, Prize> prizes = new HashMap<>();
        if (sitAndGo.placings().stream().anyMatch(p -> p.place() == 1)) {
            sitAndGo.prizes().forEach(prize -> prizes.put(prize.playerId(), prize));
        }
        List<Entrant> players = new ArrayList<>();
        for (long player : sitAndGo.players()) {
            Placing placing = placed.get(player);
            Prize prize = prizes.get(player);
            players.add(new Entrant(player, names.getOrDefault(player, "player " + player),
                    placing == null ? null : placing.place(), placing == null ? null : placing.lastPlace(),
                    prize == null ? null : prize.amount(), prize == null ? null : prize.oddCent(),
                    placing == null && sitAndGo.status() == TournamentStatus.RUNNING ? chips.get(player) : null));
        }
        if (!placed.isEmpty()) {
            players.sort(Comparator.comparing((Entrant e) -> e.place() == null ? 0 : e.place()));
        }
        String pace = rules.blinds().pace() instanceof LevelPace.ByTime byTime
                ? byTime.length().toSeconds() + " s" : ((LevelPace.ByHands) rules.blinds().pace()).hands() + " hands";
        LevelState inForce = level != null ? level
                : new LevelState(row.level(), row.levelStartedAt() == null ? now : row.levelStartedAt(), row.levelHands());
        Long nextLevel = sitAndGo.status() != TournamentStatus.RUNNING ? null
                : rules.blinds().untilNextLevel(inForce.level(), Duration.between(inForce.startedAt(), now))
                        .map(Duration::toSeconds).orElse(null);
        return new TournamentView(sitAndGo.id(), templateId, rules.name(), sitAndGo.status(), rules.seats(),
                sitAndGo.players().size(), rules.buyIn(), rules.fee(), rules.startingChips(), rules.payouts().toString(),
                pace, rules.prizePool(), payouts, players, inForce.level(), rules.blinds().level(inForce.level()),
                row.createdAt(), row.startedAt(), row.endedAt(), row.cancelReason(), row.tableId(), nextLevel);
    }
}
