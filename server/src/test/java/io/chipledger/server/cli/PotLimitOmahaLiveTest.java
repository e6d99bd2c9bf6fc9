package io.chipledger.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.ledger.audit.AuditReport;
import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.protocol.TableView;
import io.chipledger.server.game.Card;
import io.chipledger.server.game.eval.HandRanking;
import io.chipledger.server.game.holdem.Variant;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.store.HandHistoryMapper;
import io.chipledger.server.table.TableDirectory;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Pot-Limit Omaha on a live server (real WebSockets on loopback, the embedded PostgreSQL): three players play hands
 * to showdown, one betting the pot at every chance; then the hands are exported and replayed as an operator would,
 * and {@code poker-server bots --game PLO} plays a PLO table of its own.
 */
class PotLimitOmahaLiveTest {

    private static final int HANDS = 4;
    private static final Money BUY_IN = Money.parse("100.00");
    @RegisterExtension
    static final TestServer live = TestServer.forEachTestClass();
    private static long botTable;
    private static long tableId;
    private static List<AutoPlayer> seated;

    @TempDir
    static Path files;

    @BeforeAll
    static void playHands() throws Exception {
        // Opened first, so `bots` finds it before the players' table once they have left; the hold'em table beside
        // it must be passed over by `bots --game PLO`.
        live.openTable("Hold'em", 6);
        botTable = live.openTable(omaha("Omaha for bots"));
        tableId = live.openTable(omaha("Omaha"));
        seated = List.of(AutoPlayer.sitDown(live, "ann", tableId, 0, BUY_IN.toString()),
                AutoPlayer.sitDown(live, "bob", tableId, 2, BUY_IN.toString()),
                AutoPlayer.sitDown(live, "cyrus", tableId, 4, BUY_IN.toString()));
        seated.get(0).topUpBelow("40.00", "60.00").play(potOncePerHand());
        seated.get(1).topUpBelow("40.00", "60.00").play(AutoPlayer.Policy.checkOrCall());
        seated.get(2).topUpBelow("40.00", "60.00").play(AutoPlayer.Policy.checkOrCall());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
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

    private static io.chipledger.server.table.TableConfig omaha(String name) {
        return TableDirectory.plainTable(name, Money.parse("0.50"), Money.parse("1.00"), 6)
                .withVariant(Variant.POT_LIMIT_OMAHA_HOLDEM);
    }

    /** Bets or raises the most it is offered (the pot) at its first chance in each hand, then checks or calls. */
    private static AutoPlayer.Policy potOncePerHand() {
        return new AutoPlayer.Policy() {
            private volatile boolean raised;

            @Override
            public AutoPlayer.Choice choose(TableView.LegalActions legal) {
                if (!raised && legal.maxRaiseTo() != null) {
                    raised = true;
                    return new AutoPlayer.Choice(legal.canCheck() ? ActionKind.BET : ActionKind.RAISE, legal.maxRaiseTo());
                }
                return AutoPlayer.Policy.checkOrCall().choose(legal);
            }

            @Override
            public void heard(TableEvent event) {
                if (event instanceof TableEvent.HandStarted) {
                    raised = false;
                }
            }
        };
    }

    @Test
    void eachPlayerIsDealtFourCardsAndEveryShowdownNamesTheTwoPlusThreeHand() {
        for (AutoPlayer player : seated) {
            List<TableEvent.HoleCardsDealt> own = player.events(TableEvent.HoleCardsDealt.class, d -> d.seat() == player.seat());
            assertThat(own).isNotEmpty().allSatisfy(dealt -> assertThat(dealt.cards()).hasSize(4).doesNotHaveDuplicates());
            assertThat(player.events(TableEvent.HoleCardsDealt.class, d -> d.seat() != player.seat()))
                    .allSatisfy(other -> assertThat(other.cards()).as("another's cards stay hidden").isNull());
        }
        AutoPlayer watcher = seated.get(2);
        List<TableEvent.CardsShown> shown = new ArrayList<>();
        for (TableEvent.HandEnded ended : watcher.events(TableEvent.HandEnded.class)) {
            List<TableEvent> hand = watcher.hand(ended.handId());
            List<Card> board = hand.stream().filter(TableEvent.StreetDealt.class::isInstance)
                    .map(e -> ((TableEvent.StreetDealt) e).board()).reduce((a, b) -> b).orElse(List.of())
                    .stream().map(Card::parse).toList();
            hand.stream().filter(TableEvent.CardsShown.class::isInstance).map(TableEvent.CardsShown.class::cast)
                    .filter(s -> s.handName() != null).forEach(show -> {
                        assertThat(show.cards()).hasSize(4);
                        assertThat(show.handName()).isEqualTo(HandRanking.OMAHA.describe(
                                show.cards().stream().map(Card::parse).toList(), board).name());
                        shown.add(show);
                    });
        }
        assertThat(shown).as("hands played to showdown").isNotEmpty();
    }

    @Test
    void everyPotSizedBetIsThePotAfterCallingToTheCentAndIsAccepted() {
        AutoPlayer ann = seated.get(0);
        List<TableEvent> events = ann.events();
        PotLimitTally tally = new PotLimitTally();
        int potBets = 0;
        for (int i = 0; i < events.size(); i++) {
            TableEvent event = events.get(i);
            if (event instanceof TableEvent.TurnStarted turn && turn.turn().seat() == ann.seat()
                    && turn.turn().legal() != null && turn.turn().legal().maxRaiseTo() != null) {
                Money offered = turn.turn().legal().maxRaiseTo();
                assertThat(offered).as("the pot limit offered at event %d", i).isEqualTo(tally.potLimitFor(ann.seat()));
                TableEvent.PlayerActed acted = events.subList(i, events.size()).stream()
                        .filter(TableEvent.PlayerActed.class::isInstance).map(TableEvent.PlayerActed.class::cast)
                        .filter(a -> a.seat() == ann.seat()).findFirst().orElseThrow();
                if (acted.action() == ActionKind.BET || acted.action() == ActionKind.RAISE) {
                    assertThat(acted.streetTotal()).as("bet to the limit at event %d", i).isEqualTo(offered);
                    potBets++;
                }
            }
            tally.follow(event);
        }
        assertThat(potBets).as("pot-sized bets made").isGreaterThanOrEqualTo(HANDS);
        assertThat(ann.heard()).noneMatch(m -> m instanceof ServerMessage.Error e && e.code() == ErrorCode.ILLEGAL_ACTION);
    }

    @Test
    void everyChipIsAccountedForAndTheAuditIsClean() {
        Money wallets = Money.ZERO;
        for (String name : List.of("ann", "bob", "cyrus")) {
            wallets = wallets.plus(live.wallet(name));
        }
        assertThat(wallets).as("three welcome grants, all back in the wallets").isEqualTo(Money.parse("3000.00"));
        assertThat(live.chipsOnTable(tableId)).isEqualTo(Money.ZERO);
        AuditReport audit = live.audit();
        assertThat(audit.clean()).as(audit.summary()).isTrue();
    }

    @Test
    void theHandsExportAsOmahaPotLimitAndTheirPhhReplaysToTheSettledStacks() throws Exception {
        int hands = stored(tableId).size();
        String stars = Files.readString(export("pokerstars", "omaha.txt"), StandardCharsets.UTF_8);
        assertThat(stars.split("\n\n\n")).hasSize(hands)
                .allSatisfy(hand -> assertThat(hand).startsWith("PokerStars Hand #").contains(":  Omaha Pot Limit (0.50/1.00)"));
        Matcher dealt = Pattern.compile("Dealt to \\w+ \\[(.. .. .. ..)]").matcher(stars);
        assertThat(dealt.find()).as("four hole cards dealt").isTrue();

        StringBuilder replayed = new StringBuilder();
        assertThat(run("replay", List.of(export("phh", "omaha.phhs").toString()), replayed)).as(replayed.toString()).isZero();
        assertThat(replayed.toString()).contains(hands + " hands, 0 mismatches");

        Path json = export("json", "omaha.json");
        assertThat(Files.readString(json)).contains("\"variant\":\"PLO\"");
        StringBuilder verified = new StringBuilder();
        assertThat(run("verify-shuffle", List.of(json.toString()), verified)).as(verified.toString()).isZero();
        assertThat(verified.toString()).contains(hands + " hands").contains(", 0 failed");
    }

    @Test
    void botsPlayAPotLimitOmahaTableOfTheirOwnAndCashOut() throws Exception {
        StringBuilder printed = new StringBuilder();
        int code = run("bots", List.of("--url", live.ws(), "--tables", "1", "--game", "PLO", "--per-table", "4",
                "--seconds", "8"), printed);

        assertThat(code).as(printed.toString()).isZero();
        // "N actions (M refused)" would count a pot-sized bet the server refused; top-ups may race a hand's start
        assertThat(printed.toString()).contains("at 1 tables").containsPattern("\\d+ actions, ")
                .contains(", 0 bots still seated");
        List<HandHistory> played = stored(botTable);
        assertThat(played).as(printed.toString()).isNotEmpty();
        assertThat(played).allSatisfy(hand -> {
            assertThat(hand.game().variant()).isEqualTo("PLO");
            assertThat(hand.seats()).allSatisfy(seat -> assertThat(seat.holeCards()).hasSize(4));
        });
        // The engine checks every bet again as it replays: a bet over the pot limit would be a mismatch.
        StringBuilder replayed = new StringBuilder();
        assertThat(run("replay", List.of(export("phh", "bots.phhs", botTable).toString()), replayed)).isZero();
        assertThat(replayed.toString()).contains(played.size() + " hands, 0 mismatches");
        assertThat(live.chipsOnTable(botTable)).isEqualTo(Money.ZERO);
        AuditReport audit = live.audit();
        assertThat(audit.clean()).as(audit.summary()).isTrue();
    }

    @Test
    void botsAskedForATableOfAGameTheServerDoesNotDealAreToldWhichCommandOpensOne() throws Exception {
        StringBuilder printed = new StringBuilder();
        int code = run("bots", List.of("--url", live.ws(), "--tables", "9", "--game", "plo", "--seconds", "1"), printed);

        assertThat(code).isEqualTo(1);
        assertThat(printed.toString()).contains("empty table(s) of PLO").contains("serve --tables 9 --game PLO");
    }

    /**
     * The pot-limit arithmetic done apart from the engine, from what a player hears: the largest raise is to the
     * highest bet plus the pot after calling it (every chip put in this hand, and the call), capped by the stack.
     * Stacks are followed across hands (sat down with, posted, topped up, won).
     */
    private static final class PotLimitTally {
        private final Map<Integer, Money> streetBets = new HashMap<>();
        private final Map<Integer, Money> stacks = new HashMap<>();
        private Money pot = Money.ZERO;

        void follow(TableEvent event) {
            if (event instanceof TableEvent.HandStarted) {
                streetBets.clear();
                pot = Money.ZERO;
            } else if (event instanceof TableEvent.SeatTaken taken) {
                stacks.put(taken.seat(), taken.stack());
            } else if (event instanceof TableEvent.ToppedUp topped) {
                stacks.put(topped.seat(), topped.stack());
            } else if (event instanceof TableEvent.PotAwarded award) {
                stacks.put(award.seat(), award.stack());
            } else if (event instanceof TableEvent.BlindPosted blind) {
                put(blind.seat(), blind.amount(), blind.stack());
            } else if (event instanceof TableEvent.PlayerActed acted) {
                put(acted.seat(), acted.amount(), acted.stack());
            } else if (event instanceof TableEvent.UncalledBetReturned returned) {
                put(returned.seat(), returned.amount().negate(), returned.stack());
            } else if (event instanceof TableEvent.StreetDealt) {
                streetBets.clear();
            }
        }

        private void put(int seat, Money amount, Money stackAfter) {
            streetBets.merge(seat, amount, Money::plus);
            pot = pot.plus(amount);
            stacks.put(seat, stackAfter);
        }

        Money potLimitFor(int seat) {
            Money highest = streetBets.values().stream().reduce(Money.ZERO, (a, b) -> b.isLessThan(a) ? a : b);
            Money mine = streetBets.getOrDefault(seat, Money.ZERO);
            Money limit = highest.plus(pot).plus(highest.minus(mine));
            Money allIn = mine.plus(stacks.get(seat));
            return allIn.isLessThan(limit) ? allIn : limit;
        }
    }

    private static List<HandHistory> stored(long table) {
        try (SqlSession session = live.server().database().sqlSessionFactory().openSession(true)) {
            return session.getMapper(HandHistoryMapper.class)
                    .findHistories(new HandHistoryMapper.HandQuery(null, table, null, null, null, null))
                    .stream().map(HandHistoryMapper.StoredHistory::history).toList();
        }
    }

    private static Path export(String format, String file) throws Exception {
        return export(format, file, tableId);
    }

    private static Path export(String format, String file, long table) throws Exception {
        Path path = files.resolve(file);
        StringBuilder printed = new StringBuilder();
        int code = run("export", List.of("--db-url", live.jdbcUrl(), "--db-user", "postgres", "--format", format,
                "--table", String.valueOf(table), "--out", path.toString()), printed);
        assertThat(code).as(printed.toString()).isZero();
        return path;
    }

    /** Runs a command as the jar would; returns its exit code, and what it printed in {@code printed}. */
    private static int run(String command, List<String> args, StringBuilder printed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        List<String> line = new ArrayList<>(List.of(command));
        line.addAll(args);
        int code = PokerServer.commandLine(Terminal.of(print, print, Map.of())).execute(line.toArray(String[]::new));
        printed.append(out.toString(StandardCharsets.UTF_8));
        return code;
    }
}
