package io.chipledger.server.tournament.play;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.table.SeatTimeouts;
import java.time.Duration;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.TestServer;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bots play whole sit-and-gos on a live server: the table deals in tournament chips with blinds rising by level,
 * eliminates players with their places, and at the end the prize pool is paid to the cent into the winners' wallets,
 * the pool left at zero and the ledger audit clean. The table's hands post nothing to the ledger.
 */
class FullSitAndGoTest {

    /**
     * The first hand waits for every player to watch the table, at most 20 s (a busy machine connects bots slowly):
     * then a player who never comes is blinded off.
     */
    @RegisterExtension
    static final TestServer live = TestServer.forEachTestClass().settings(ServerSettings.forTests()
            .withSeatTimeouts(new SeatTimeouts(Duration.ofSeconds(20), Duration.ofMinutes(5)))).withAdmin();

    @Test
    void sixBotsPlayASitAndGoToTheEndAndThePrizePoolGoesExactlyIntoTheWinnersWallets() throws Exception {
        long sng = playToTheEnd("Six max", "six", 6, 6, "10.00", "1.00", "65/35", List.of("39.00", "21.00"));

        // Its first hand, exported as PokerStars heads a tournament hand, in whole tournament chips; and as PHH.
        String firstHand = live.rows("SELECT min(hand_id) FROM hand_history WHERE status = 'SETTLED' AND table_id ="
                + " (SELECT table_id FROM tournament WHERE id = " + sng + ")").get(0);
        String stars = live.get("/api/hands/export?format=pokerstars&hand=" + firstHand, live.token("six0")).body();
        assertThat(stars).startsWith("PokerStars Hand #" + firstHand + ": Tournament #" + sng
                + ", $10+$1 USD Hold'em No Limit - Level I (10/20) - ");
        assertThat(stars).contains("\nTable '" + sng + " 1' 6-max Seat #", "\nSeat 1: six0 (1500 in chips)\n",
                ": posts small blind 10\n", ": posts big blind 20\n");
        String phh = live.get("/api/hands/export?format=phh&hand=" + firstHand, live.token("six0")).body();
        assertThat(phh).contains("event = 'Tournament #" + sng + "'\n", "level = 1\n", "_buy_in = 10.00\n", "_fee = 1.00\n");
    }

    @Test
    void nineBotsPlayASitAndGoToTheEndWithAnAbsentPlayerBlindedOffAndTheOddCentOfThePoolGoesToFirstPlace() throws Exception {
        // 9 x 3.33 = 29.97; 50/30/20: 14.985, 8.991 and 5.994 round down to 14.98 + 8.99 + 5.99 = 29.96: 1st gets the cent.
        long sng = playToTheEnd("Nine max", "nine", 9, 8, "3.33", "0.30", "50/30/20", List.of("14.99", "8.99", "5.99"));

        long absent = live.playerId("nine8");
        assertThat(live.count("SELECT count(*) FROM hand_player WHERE player_id = " + absent))
                .as("the absent player was dealt in, posting blinds").isPositive();
        List<String> actions = live.rows("SELECT DISTINCT e->>'type' FROM hand_history h, jsonb_array_elements("
                + "h.record->'events') e WHERE h.table_id = (SELECT table_id FROM tournament WHERE id = " + sng + ")"
                + " AND (e->>'seat')::int = 8 AND e->>'type' IN ('folded', 'checked', 'called', 'bet', 'raised')");
        assertThat(actions).as("every turn of theirs was checked or folded for them").isNotEmpty()
                .isSubsetOf("folded", "checked");
    }

    @Test
    void playersBustingInTheSameHandWithTheSameStackTieAndShareThePrizesOfTheirPlacesToTheCent() throws Exception {
        // Everyone is all in every hand. Until someone busts, every pot is split evenly, so the stacks stay equal: the
        // players who bust first all started that hand with the same stack, and tie for the places they cover.
        long sng = SitAndGoTables.registering(live, "Shove", 4, "2.50", "0.25", "50/30/20", 3);
        List<String> players = List.of("shove0", "shove1", "shove2", "shove3");
        List<PokerClient> clients = SitAndGoTables.connect(live, players);
        players.forEach(player -> SitAndGoTables.register(live, player, sng));
        long table = SitAndGoTables.tableOf(live, sng);
        List<AutoPlayer> bots = SitAndGoTables.sitDown(clients, table,
                i -> legal -> new AutoPlayer.Choice(legal.maxRaiseTo() != null ? ActionKind.ALL_IN
                        : legal.canCheck() ? ActionKind.CHECK : ActionKind.CALL, null));
        try {
            SitAndGoTables.awaitStatus(live, sng, "FINISHED");
        } finally {
            bots.forEach(AutoPlayer::close);
        }

        List<String> firstBusts = live.rows("SELECT e.place || '-' || e.last_place || ' ' || e.prize || ' ' || e.odd_cent"
                + " FROM tournament_entry e WHERE e.tournament_id = " + sng + " AND e.place > 1 AND e.busted_in_hand = (SELECT"
                + " min(busted_in_hand) FROM tournament_entry WHERE tournament_id = " + sng + ") ORDER BY e.tie_order");
        int tied = firstBusts.size();
        int firstPlace = 4 - tied + 1;
        List<Money> placePrizes = List.of(Money.parse("5.00"), Money.parse("3.00"), Money.parse("2.00"), Money.ZERO);
        Money shared = Money.ZERO;
        for (int place = firstPlace; place <= 4; place++) {
            shared = shared.plus(placePrizes.get(place - 1));
        }
        Money each = Money.ofCents(shared.toCents() / tied);
        long oddCents = shared.toCents() % tied;
        for (int i = 0; i < tied; i++) {
            assertThat(firstBusts.get(i)).as("tied player %d of %d", i, tied)
                    .isEqualTo(firstPlace + "-4 " + (i < oddCents ? each.plus(Money.CENT) : each) + " " + (i < oddCents));
        }
        assertThat(SitAndGoTables.prizePool(live, sng)).isEqualTo(Money.ZERO);
        assertThat(live.audit().clean()).isTrue();
    }

    @Test
    void aTournamentPlayerWhoAsksToTopUpOrToLeaveIsRefusedWithTheReasonAndTheTournamentPlaysOn() throws Exception {
        long sng = SitAndGoTables.registering(live, "No cash-out", 2, "1.00", "0.10", "100", 3);
        List<String> players = List.of("stay0", "stay1");
        List<PokerClient> clients = SitAndGoTables.connect(live, players);
        players.forEach(player -> SitAndGoTables.register(live, player, sng));
        long table = SitAndGoTables.tableOf(live, sng);
        List<AutoPlayer> bots = SitAndGoTables.sitDown(clients, table, i -> AutoPlayer.Policy.checkOrCall());
        try {
            // A tournament's chips are neither added to nor cashed out: asking is refused, and the seat stays in play.
            ServerMessage topUp = bots.get(0).request(r -> new ClientMessage.TopUp(r, table, Money.parse("1.00")));
            assertThat(topUp).isInstanceOfSatisfying(ServerMessage.Error.class, error -> {
                assertThat(error.code()).isEqualTo(ErrorCode.ILLEGAL_ACTION);
                assertThat(error.message()).isEqualTo("tournament chips cannot be topped up");
            });
            ServerMessage leave = bots.get(0).request(r -> new ClientMessage.Leave(r, table));
            assertThat(leave).isInstanceOfSatisfying(ServerMessage.Error.class, error -> {
                assertThat(error.code()).isEqualTo(ErrorCode.ILLEGAL_ACTION);
                assertThat(error.message()).contains("tournament seat cannot be left");
            });
            SitAndGoTables.awaitStatus(live, sng, "FINISHED");
        } finally {
            bots.forEach(AutoPlayer::close);
        }
        assertThat(SitAndGoTables.results(live, sng)).hasSize(2);
        assertThat(live.wallet("stay0").plus(live.wallet("stay1"))).as("the prize went to the winner; no chip was cashed out")
                .isEqualTo(Money.parse("2000.00").minus(Money.parse("0.20")));
    }

    private static long playToTheEnd(String name, String prefix, int seats, int bots, String buyIn, String fee,
                                     String payouts, List<String> placePrizes) throws Exception {
        long sng = SitAndGoTables.registering(live, name, seats, buyIn, fee, payouts, 3);
        List<String> players = IntStream.range(0, seats).mapToObj(i -> prefix + i).toList();
        List<PokerClient> clients = SitAndGoTables.connect(live, players.subList(0, bots));
        for (String player : players) {
            SitAndGoTables.register(live, player, sng);
        }
        long table = SitAndGoTables.tableOf(live, sng);
        List<AutoPlayer> playing = SitAndGoTables.sitDown(clients, table,
                i -> AutoPlayer.Policy.randomly(31L * seats + i));
        try {
            SitAndGoTables.awaitStatus(live, sng, "FINISHED");
        } finally {
            playing.forEach(AutoPlayer::close);
        }

        Money pool = Money.parse(buyIn).times(seats);
        Money cost = Money.parse(buyIn).plus(Money.parse(fee));
        assertThat(SitAndGoTables.prizePool(live, sng)).as("the prize pool is emptied exactly").isEqualTo(Money.ZERO);
        Money paid = Money.ZERO;
        for (String player : players) {
            Money prize = Money.parse(live.rows("SELECT coalesce(prize, 0)::text FROM tournament_entry e JOIN player p"
                    + " ON p.id = e.player_id WHERE e.tournament_id = " + sng + " AND p.name = '" + player + "'").get(0));
            assertThat(live.wallet(player)).as(player).isEqualTo(Money.parse("1000.00").minus(cost).plus(prize));
            paid = paid.plus(prize);
        }
        assertThat(paid).as("the prizes add up to the pool").isEqualTo(pool);
        List<String> results = SitAndGoTables.results(live, sng);
        assertThat(results).hasSize(seats);
        assertThat(results.get(0)).as("one winner").matches("\\S+ 1-1 .*");
        if (results.stream().noneMatch(r -> r.matches("\\S+ (\\d+)-(?!\\1)\\d+ .*"))) { // no tie: each place its prize
            for (int place = 0; place < placePrizes.size(); place++) {
                assertThat(results.get(place)).endsWith(" " + placePrizes.get(place));
            }
        }
        assertThat(live.count("SELECT count(*) FROM hand WHERE table_id = " + table + " AND status = 'SETTLED'"))
                .as("hands were dealt").isPositive();
        List<String> bigBlinds = live.rows("SELECT record->'game'->>'bigBlind' FROM hand_history WHERE table_id = " + table
                + " ORDER BY hand_id");
        // Levels of 3 hands: 10/20, 25/50, 50/100, ... (a chip being a hundredth of the engine's unit).
        long[] levelBigBlinds = {20, 50, 100, 200, 400, 1000, 2000, 4000};
        assertThat(bigBlinds).as("the blinds rise every 3 hands").containsExactlyElementsOf(IntStream.range(0, bigBlinds.size())
                .mapToObj(hand -> Money.ofCents(levelBigBlinds[Math.min(hand / 3, levelBigBlinds.length - 1)]).toString()).toList());
        assertThat(live.count("SELECT count(*) FROM posting WHERE table_ref = 'table:" + table + "'"))
                .as("tournament chips never reach the ledger").isZero();
        assertThat(live.server().tables().find(table)).as("the table is gone once the tournament is over").isEmpty();
        assertThat(live.audit().clean()).isTrue();
        return sng;
    }
}
