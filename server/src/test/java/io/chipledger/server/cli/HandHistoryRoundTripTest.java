package io.chipledger.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Entry;
import io.chipledger.ledger.Transfer;
import io.chipledger.ledger.testing.LedgerScenario;
import io.chipledger.money.Money;
import io.chipledger.money.RakeRule;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.GameServer;
import io.chipledger.server.account.Player;
import io.chipledger.server.game.holdem.Stakes;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HandStatus;
import io.chipledger.server.history.record.SeatRecord;
import io.chipledger.server.store.HandHistoryMapper;
import io.chipledger.server.table.TableConfig;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three players play hands at a raked table over real WebSockets on the real embedded PostgreSQL, sending client seeds
 * for the decks; then the stored histories are exported the ways a user would (the export command, HTTP) and held
 * against the ledger: PHH replays to the stacks the ledger's entries show, PokerStars pots and collections add up
 * to the ledger's transfers of each hand, and every deck verifies.
 */
class HandHistoryRoundTripTest {

    private static final int HANDS = 12;
    @RegisterExtension
    static final TestServer live = TestServer.forEachTestClass();
    private static GameServer server;
    private static long tableId;
    private static List<AutoPlayer> seated;
    private static String aliceToken;
    private static List<String> dbArgs;

    @TempDir
    static Path files;

    @BeforeAll
    static void playHands() throws Exception {
        server = live.server();
        tableId = live.openTable(new TableConfig(0, "Raked", "CHP", Stakes.blinds(Money.parse("0.50"), Money.parse("1.00")), 6,
                Money.parse("20.00"), Money.parse("100.00"), new RakeRule(new BigDecimal("5"), Money.parse("2.00"), true),
                Duration.ofSeconds(20), Duration.ofSeconds(30)));
        dbArgs = List.of("--db-url", live.jdbcUrl(), "--db-user", "postgres");
        String[] names = {"alice", "bob", "carol"};
        String[] buyIns = {"20.00", "55.50", "100.00"};
        int[] seats = {0, 2, 4};
        seated = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            // A client seed for every announced deck; a bust player buys back in.
            seated.add(AutoPlayer.sitDown(live, names[i], tableId, seats[i], buyIns[i]).seedEveryDeck().topUpBelow("10.00", "40.00"));
        }
        for (int i = 0; i < seated.size(); i++) {
            seated.get(i).play(AutoPlayer.Policy.randomly(17 + i));
        }
        aliceToken = live.token("alice");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
        while (seated.get(2).handsEnded() < HANDS && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        for (AutoPlayer player : seated) {
            player.leave();
        }
        for (AutoPlayer player : seated) {
            player.awaitEvent(TableEvent.SeatLeft.class, left -> left.seat() == player.seat());
        }
        assertThat(seated.get(2).handsEnded()).isGreaterThanOrEqualTo(HANDS);
    }

    @AfterAll
    static void stop() {
        seated.forEach(AutoPlayer::close);
    }

    private static List<HandHistory> stored() {
        try (SqlSession session = server.database().sqlSessionFactory().openSession(true)) {
            return session.getMapper(HandHistoryMapper.class)
                    .findHistories(new HandHistoryMapper.HandQuery(null, tableId, null, null, null, null))
                    .stream().map(HandHistoryMapper.StoredHistory::history).toList();
        }
    }

    /** Runs a command as the jar would; returns its exit code, and what it printed in {@code printed}. */
    private static int run(String command, List<String> args, StringBuilder printed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        List<String> line = new ArrayList<>(List.of(command));
        line.addAll(args);
        int code = PokerServer.commandLine(Terminal.of(print, print, Map.of())).execute(line.toArray(String[]::new));
        printed.append(out.toString(StandardCharsets.UTF_8));
        return code;
    }

    private static Path export(String format, String file, String... more) throws Exception {
        Path path = files.resolve(file);
        List<String> args = new ArrayList<>(dbArgs);
        args.addAll(List.of("--format", format, "--table", String.valueOf(tableId), "--out", path.toString()));
        args.addAll(List.of(more));
        StringBuilder printed = new StringBuilder();
        assertThat(run("export", args, printed)).as(printed.toString()).isZero();
        assertThat(printed.toString()).containsPattern("exported [0-9,]+ hands to " + Pattern.quote(path.toString()));
        if (more.length == 0) {
            assertThat(printed.toString()).contains("exported " + stored().size() + " hands").contains("(100%)");
        }
        return path;
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return live.get(path, token);
    }

    @Test
    void everyHandIsStoredSettledWithItsLedgerTransfers() {
        List<HandHistory> hands = stored();
        assertThat(hands).hasSizeGreaterThanOrEqualTo(HANDS).allMatch(h -> h.status() == HandStatus.SETTLED);
        for (HandHistory hand : hands) {
            List<Long> ledgerIds = server.ledger().transfersOfHand("h" + hand.handId()).stream().map(Transfer::id).toList();
            assertThat(hand.transferIds()).as("hand %d", hand.handId()).containsExactlyInAnyOrderElementsOf(ledgerIds);
        }
        assertThat(hands.stream().filter(h -> !h.deck().clientSeeds().isEmpty())).as("decks mixed with client seeds")
                .hasSizeGreaterThanOrEqualTo(HANDS - 2);
    }

    @Test
    void finishingStacksAreTheLedgersBalancesAfterEachHand() {
        for (HandHistory hand : stored()) {
            List<Transfer> transfers = server.ledger().transfersOfHand("h" + hand.handId());
            for (SeatRecord seat : hand.seats()) {
                long account = server.ledger().findAccount(AccountKind.SEAT, "table:" + tableId + "/player:" + seat.playerId(),
                        GameServer.CURRENCY).orElseThrow().id();
                List<Long> touching = transfers.stream()
                        .filter(t -> t.fromAccountId() == account || t.toAccountId() == account).map(Transfer::id).toList();
                if (touching.isEmpty()) {
                    assertThat(seat.finalStack()).isEqualTo(seat.startingStack());
                    continue;
                }
                long last = touching.get(touching.size() - 1);
                Entry entry = server.ledger().entries(account).stream().filter(e -> e.transferId() == last).findFirst().orElseThrow();
                assertThat(seat.finalStack()).as("hand %d, %s", hand.handId(), seat.player()).isEqualTo(entry.balanceAfter());
            }
        }
    }

    @Test
    void phhExportReplaysToTheSettledStacks() throws Exception {
        Path phh = export("phh", "hands.phhs");
        StringBuilder printed = new StringBuilder();

        int code = run("replay", List.of(phh.toString()), printed);

        assertThat(code).as(printed.toString()).isZero();
        assertThat(printed.toString()).contains(stored().size() + " hands, 0 mismatches");
    }

    @Test
    void pokerStarsPotsAndCollectionsAddUpToTheLedgersTransfersOfEachHand() throws Exception {
        String text = Files.readString(export("pokerstars", "hands.txt"), StandardCharsets.UTF_8);
        String[] hands = text.split("\n\n\n");
        assertThat(hands).hasSize(stored().size());
        Pattern header = Pattern.compile("^PokerStars Hand #(\\d+):  Hold'em No Limit \\(0\\.50/1\\.00\\) - "
                + "\\d{4}/\\d{2}/\\d{2} \\d{1,2}:\\d{2}:\\d{2} ET\\nTable 'Raked' 6-max \\(Play Money\\) Seat #\\d is the button\\n");
        Pattern total = Pattern.compile("\\*\\*\\* SUMMARY \\*\\*\\*\\nTotal pot ([0-9.]+).* \\| Rake ([0-9.]+)\\n");
        Pattern collected = Pattern.compile("\\n[a-z]+ collected ([0-9.]+) from (pot|main pot|side pot(-\\d+)?)\\n");
        for (String hand : hands) {
            Matcher id = header.matcher(hand);
            assertThat(id.find()).as(hand).isTrue();
            Matcher summary = total.matcher(hand);
            assertThat(summary.find()).as(hand).isTrue();
            Money collections = Money.ZERO;
            Matcher m = collected.matcher(hand);
            int from = 0;
            while (m.find(from)) {
                collections = collections.plus(Money.parse(m.group(1)));
                from = m.end() - 1;
            }
            Money putIn = Money.ZERO;
            Money awarded = Money.ZERO;
            Money rake = Money.ZERO;
            for (Transfer t : server.ledger().transfersOfHand("h" + id.group(1))) {
                switch (t.kind()) {
                    case BLIND, ANTE, BET -> putIn = putIn.plus(t.amount());
                    case UNCALLED_BET_RETURN -> putIn = putIn.minus(t.amount());
                    case POT_AWARD -> awarded = awarded.plus(t.amount());
                    case RAKE -> rake = rake.plus(t.amount());
                    default -> throw new AssertionError("unexpected transfer in a hand: " + t);
                }
            }
            assertThat(Money.parse(summary.group(1))).as("total pot of hand %s", id.group(1)).isEqualTo(putIn);
            assertThat(Money.parse(summary.group(2))).as("rake of hand %s", id.group(1)).isEqualTo(rake);
            assertThat(collections).as("collected in hand %s", id.group(1)).isEqualTo(awarded);
        }
        assertThat(stored().stream().mapToLong(h -> h.rake().toCents()).sum()).as("the table raked something").isPositive();
    }

    @Test
    void jsonExportVerifiesAndATamperedCardOrSeedDoesNot() throws Exception {
        Path json = export("json", "hands.json");
        StringBuilder printed = new StringBuilder();
        assertThat(run("verify-shuffle", List.of(json.toString()), printed)).as(printed.toString()).isZero();
        assertThat(printed.toString()).contains(stored().size() + " hands").contains(", 0 failed");

        String text = Files.readString(json);
        Matcher flop = Pattern.compile("\"street\":\"FLOP\",\"cards\":\\[\"(..)\"").matcher(text);
        assertThat(flop.find()).isTrue();
        String swapped = flop.group(1).equals("2c") ? "3c" : "2c";
        Path changedCard = files.resolve("changed-card.json");
        Files.writeString(changedCard, text.substring(0, flop.start(1)) + swapped + text.substring(flop.end(1)));
        StringBuilder cardOutput = new StringBuilder();
        assertThat(run("verify-shuffle", List.of(changedCard.toString()), cardOutput)).isEqualTo(1);
        assertThat(cardOutput.toString()).contains("the board got").contains(", 1 failed");

        Matcher seed = Pattern.compile("\"serverSeed\":\"([0-9a-f]{64})\"").matcher(text);
        assertThat(seed.find()).isTrue();
        String forged = (seed.group(1).charAt(0) == '0' ? "1" : "0") + seed.group(1).substring(1);
        Path changedSeed = files.resolve("changed-seed.json");
        Files.writeString(changedSeed, text.replace(seed.group(1), forged));
        StringBuilder seedOutput = new StringBuilder();
        assertThat(run("verify-shuffle", List.of(changedSeed.toString()), seedOutput)).isEqualTo(1);
        assertThat(seedOutput.toString()).contains("does not hash to the commitment");
    }

    @Test
    void phhExportVerifiesToo() throws Exception {
        StringBuilder printed = new StringBuilder();
        assertThat(run("verify-shuffle", List.of(export("phh", "verify.phhs").toString()), printed)).as(printed.toString()).isZero();
        assertThat(printed.toString()).contains(stored().size() + " hands").contains(", 0 failed");
    }

    @Test
    void aPlayersExportShowsOnlyTheirOwnCardsAndThoseShownAtShowdown() throws Exception {
        String text = Files.readString(export("pokerstars", "alice.txt", "--player", "alice"), StandardCharsets.UTF_8);
        assertThat(text).contains("Dealt to alice [").doesNotContain("Dealt to bob").doesNotContain("Dealt to carol");
        long aliceId = server.players().find("alice").join().orElseThrow().id();
        for (HandHistory hand : stored()) {
            HandHistory seen = hand.seenBy(aliceId);
            for (SeatRecord seat : seen.seats()) {
                boolean shown = hand.events().stream().anyMatch(e -> e instanceof io.chipledger.server.history.record.HistoryEvent.HandShown s
                        && s.seat() == seat.seat() || e instanceof io.chipledger.server.history.record.HistoryEvent.HandTabled t
                        && t.seat() == seat.seat());
                assertThat(seat.holeCards() != null).as("hand %d seat %d", hand.handId(), seat.seat())
                        .isEqualTo(seat.playerId() == aliceId || shown);
            }
        }
    }

    @Test
    void httpListsAndDownloadsAPlayersOwnHandsAndNobodyElses() throws Exception {
                HttpResponse<String> list = get("/api/hands?limit=5", aliceToken);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"hands\":[{\"handId\":").contains("\"seat\":0").contains("\"nextAfter\":");

        HandHistory first = stored().get(0);
        HttpResponse<String> one = get("/api/hands/export?format=pokerstars&hand=" + first.handId(), aliceToken);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"hand-" + first.handId() + ".txt\"");
        assertThat(one.body()).startsWith("PokerStars Hand #" + first.handId() + ":").contains("Dealt to alice")
                .doesNotContain("Dealt to bob");

        HttpResponse<String> range = get("/api/hands/export?format=json&from=2000-01-01&to=2999-12-31&limit=4", aliceToken);
        assertThat(range.statusCode()).isEqualTo(200);
        assertThat(range.headers().firstValue("X-Hands")).hasValue("4");
        assertThat(range.headers().firstValue("X-Next-After")).isPresent();
        assertThat(range.body()).startsWith("{\"format\":\"chipledger-hand-history\",\"version\":1,\"hands\":[");

        assertThat(get("/api/hands/export?format=phh&hand=" + first.handId(), null).statusCode()).isEqualTo(401);
        String dave = live.token("dave");
        assertThat(get("/api/hands/export?format=phh&hand=" + first.handId(), dave).statusCode()).isEqualTo(404);
        assertThat(get("/api/hands/export?format=phh&table=" + tableId, dave).headers().firstValue("X-Hands")).hasValue("0");
        assertThat(get("/api/hands/export?format=phh&table=" + tableId + "&player=alice", dave).statusCode()).isEqualTo(403);
        assertThat(get("/api/hands/export?format=excel&hand=" + first.handId(), aliceToken).statusCode()).isEqualTo(400);
    }

    @Test
    void anAdministratorDownloadsATablesHandsWithEveryCard() throws Exception {
        server.players().register("boss", "boss-password", Player.Role.ADMIN).join();
        String boss = live.login("boss", "boss-password");
        HttpResponse<String> table = get("/api/hands/export?format=pokerstars&table=" + tableId, boss);
        assertThat(table.statusCode()).isEqualTo(200);
        assertThat(table.headers().firstValue("X-Hands")).hasValue(String.valueOf(stored().size()));
        assertThat(table.body().lines().filter(line -> line.startsWith("Dealt to "))).as("one hero a hand, for trackers")
                .hasSize(stored().size());
        HttpResponse<String> json = get("/api/hands/export?format=json&table=" + tableId, boss);
        assertThat(json.body()).contains("\"holeCards\":[").doesNotContain("\"holeCards\":null");
        HttpResponse<String> bobs = get("/api/hands/export?format=phh&player=bob&from=2000-01-01", boss);
        assertThat(bobs.statusCode()).as(bobs.body()).isEqualTo(200);
        assertThat(bobs.body()).doesNotContain("????");
    }

    @Test
    void storedHistoriesCannotBeRewritten() {
        assertThatThrownBy(() -> LedgerScenario.execute(server.database().dataSource(),
                "UPDATE hand_history SET status = 'VOIDED'")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> LedgerScenario.execute(server.database().dataSource(),
                "DELETE FROM hand_player")).hasMessageContaining("append-only");
    }
}
