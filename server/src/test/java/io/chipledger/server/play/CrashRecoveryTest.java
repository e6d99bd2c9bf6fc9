package io.chipledger.server.play;

import static io.chipledger.server.testing.TestServer.WAIT;
import static io.chipledger.server.testing.TestServer.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.ledger.Transfer;
import io.chipledger.ledger.TransferKind;
import io.chipledger.ledger.audit.AuditReport;
import io.chipledger.ledger.audit.LedgerAuditor;
import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.db.DatabaseConfig;
import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.money.Money;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.protocol.TableView;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.bot.BotFleet;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HandStatus;
import io.chipledger.server.history.record.HistoryEvent;
import io.chipledger.server.history.record.SeatRecord;
import io.chipledger.server.store.HandHistoryMapper;
import io.chipledger.server.table.SeatTimeouts;
import io.chipledger.server.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.Test;

/**
 * The server process is killed (SIGKILL: no shutdown hook runs) while a hand waits on a player, then started again
 * on the same database. The hand is voided with every chip back on the seat it came from, the player who comes back
 * has their seat and stack, the players who do not are cashed out to their wallets, and the audit is clean.
 */
class CrashRecoveryTest {

    private static final int HERO_SEAT = 5;

    @Test
    void aServerKilledMidHandRestartsWithTheHandVoidedTheSeatsGivenBackAndTheAuditClean() throws Exception {
        String url = freshDatabase();

        ServerProcess first = ServerProcess.serve(url);
        HandInProgress interrupted = untilHeroMustAct(first);
        first.kill();
        long tableId = interrupted.tableId();
        long handId = interrupted.handId();
        Money stackAtHandStart = interrupted.heroStack();

        // The grace runs from the seats' restoration, before the server listens: at a load average of 30 that start-up
        // alone took over 3 s, and hero was cashed out before it could come back.
        try (TestServer second = TestServer.forThisTest().onDatabase(url)
                .settings(ServerSettings.forTests().withSeatTimeouts(new SeatTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(1))))
                .start()) {
            // The interrupted hand was voided: each account's chips in and out of it net to zero, refunds included.
            List<Transfer> transfers = second.server().ledger().transfersOfHand("h" + handId);
            assertThat(transfers).extracting(Transfer::kind).contains(TransferKind.BLIND, TransferKind.REFUND);
            assertThat(netByAccount(transfers).values()).as("every chip back where it came from").allMatch(Money::isZero);
            assertThat(second.rows("SELECT status FROM hand WHERE id = " + handId)).containsExactly("VOIDED");

            // Hero comes back within the grace: the seat and the stack hero had when the hand began are there.
            try (PokerClient back = PokerClient.connect(second.ws(), second.token("hero"), "back")) {
                long table = tableId;
                back.send(r -> new ClientMessage.Watch(r, table, null));
                TableView view = ((ServerMessage.Snapshot) back.await(m -> m instanceof ServerMessage.Snapshot, WAIT)).table();
                Money expected = stackAtHandStart;
                assertThat(view.seats()).filteredOn(s -> s.seat() == HERO_SEAT).singleElement().satisfies(s -> {
                    assertThat(s.player()).isEqualTo("hero");
                    assertThat(s.stack()).isEqualTo(expected);
                });
                awaitEvent(back, TableEvent.SatIn.class, e -> e.seat() == HERO_SEAT);

                // The bots died with the old process and never come back: their stacks go to their wallets.
                Money cashedOut = awaitEvent(back, TableEvent.SeatLeft.class).cashedOut()
                        .plus(awaitEvent(back, TableEvent.SeatLeft.class).cashedOut());
                assertThat(cashedOut.plus(expected)).as("the table's chips, all accounted for").isEqualTo(Money.parse("200.00"));
            }
            // Issue 16: its record tells what happened before the crash, as the ledger has it: the seats and their
            // stacks, the actions taken, and every transfer of the hand, the refunds too.
            HandHistory record;
            try (SqlSession session = second.server().database().sqlSessionFactory().openSession(true)) {
                record = session.getMapper(HandHistoryMapper.class).findHistory(handId).history();
            }
            assertThat(record.status()).isEqualTo(HandStatus.VOIDED);
            assertThat(record.seats()).extracting(SeatRecord::seat).containsExactlyInAnyOrderElementsOf(interrupted.dealtIn());
            assertThat(record.seats()).filteredOn(s -> s.seat() == HERO_SEAT).singleElement()
                    .satisfies(s -> assertThat(s.startingStack()).isEqualTo(stackAtHandStart))
                    .satisfies(s -> assertThat(s.holeCards()).hasSize(2));
            assertThat(record.events()).filteredOn(e -> e instanceof HistoryEvent.BlindPosted).hasSize(2);
            assertThat(record.events().stream().filter(e -> isAction(e)).map(e -> ((HistoryEvent.OfSeat) e).seat()).toList())
                    .as("the actions taken before the crash").isEqualTo(interrupted.actions().stream().map(TableEvent.PlayerActed::seat).toList());
            assertThat(record.transferIds()).as("every transfer of the hand")
                    .containsExactlyInAnyOrderElementsOf(transfers.stream().map(Transfer::id).toList());
            assertThat(second.adminGet("/api/admin/hand?id=" + handId).get("ledger").get("agrees").asBoolean()).isTrue();
            assertThat(second.rows("SELECT (SELECT count(*) FROM hand_progress_draft WHERE hand_id = " + handId
                    + ") + (SELECT count(*) FROM hand_progress_step WHERE hand_id = " + handId + ")"))
                    .as("the hand's drafts went with its recovery (V12's steps too)").containsExactly("0");

            AuditReport audit = second.audit();
            assertThat(audit.clean()).as(audit.summary()).isTrue();
        }
    }

    @Test
    void aServerStoppedWithSigtermVoidsTheHandInProgressBeforeItExits() throws Exception {
        String url = freshDatabase();

        ServerProcess server = ServerProcess.serve(url);
        HandInProgress running = untilHeroMustAct(server);
        server.terminate();

        try (Database left = Database.open(DatabaseConfig.server(url, "postgres", null))) {
            try (Connection c = left.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT status FROM hand WHERE id = " + running.handId())) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).as("voided by the stop itself, not left for a restart").isEqualTo("VOIDED");
            }
            AuditReport audit = new LedgerAuditor(left.sqlSessionFactory()).audit();
            assertThat(audit.clean()).as(audit.summary()).isTrue();
        }
    }

    /** A fresh database for a server process of its own: its URL, with no connection left open. */
    private static String freshDatabase() {
        try (Database database = SharedPostgres.freshDatabase()) {
            return database.jdbcUrl();
        }
    }

    /**
     * The hand the server was in when it went down: its table, its id, hero's stack when it began, the seats dealt in
     * and the actions hero heard.
     */
    private record HandInProgress(long tableId, long handId, Money heroStack, List<Integer> dealtIn,
                                  List<TableEvent.PlayerActed> actions) {
    }

    /**
     * Seats two bots and hero at Oak, then follows the table until it is hero's turn: the hand is open and waits on
     * hero, who plays nothing. The connections close on return; the server keeps the hand waiting.
     */
    private static HandInProgress untilHeroMustAct(ServerProcess server) throws Exception {
        try (BotFleet bots = new BotFleet(server.ws())) {
            BotFleet.LobbyTable oak = bots.lobby().stream().filter(t -> t.name().equals("Oak")).findFirst().orElseThrow();
            bots.seat(List.of(oak), 2, 2);
            try (PokerClient hero = PokerClient.connect(server.ws(), PokerClient.token(server.http(), "hero", "hero-password"), "hero")) {
                assertThat(hero.reply(hero.send(r -> new ClientMessage.SitDown(r, oak.id(), HERO_SEAT, Money.parse("80.00"))), WAIT))
                        .isInstanceOf(ServerMessage.Done.class);
                Money stack = Money.parse("80.00");
                long handId = -1;
                Money stackAtHandStart = null;
                List<Integer> dealtIn = List.of();
                List<TableEvent.PlayerActed> actions = new ArrayList<>();
                while (true) {
                    ServerMessage message = hero.next(Duration.ofSeconds(60));
                    assertThat(message).as("hero hears the table").isNotNull();
                    if (!(message instanceof ServerMessage.Event event)) {
                        continue;
                    }
                    TableEvent e = event.event();
                    if (e instanceof TableEvent.HandStarted started) {
                        handId = started.handId();
                        stackAtHandStart = stack;
                        dealtIn = started.seatsDealtIn();
                        actions.clear();
                    } else if (e instanceof TableEvent.PlayerActed acted) {
                        actions.add(acted);
                    } else if (e instanceof TableEvent.TurnStarted turn && turn.turn().seat() == HERO_SEAT) {
                        return new HandInProgress(oak.id(), handId, stackAtHandStart, dealtIn, List.copyOf(actions));
                    }
                    stack = heroStackAfter(e, stack);
                }
            }
        }
    }

    /** Hero's stack after an event, as the table reported it. */
    private static Money heroStackAfter(TableEvent e, Money stack) {
        if (e instanceof TableEvent.BlindPosted blind && blind.seat() == HERO_SEAT) {
            return blind.stack();
        } else if (e instanceof TableEvent.PlayerActed acted && acted.seat() == HERO_SEAT) {
            return acted.stack();
        } else if (e instanceof TableEvent.PotAwarded award && award.seat() == HERO_SEAT) {
            return award.stack();
        } else if (e instanceof TableEvent.UncalledBetReturned returned && returned.seat() == HERO_SEAT) {
            return returned.stack();
        }
        return stack;
    }

    private static boolean isAction(HistoryEvent event) {
        return event instanceof HistoryEvent.Folded || event instanceof HistoryEvent.Checked || event instanceof HistoryEvent.Called
                || event instanceof HistoryEvent.Bet || event instanceof HistoryEvent.Raised;
    }

    private static Map<Long, Money> netByAccount(List<Transfer> transfers) {
        Map<Long, Money> net = new TreeMap<>();
        for (Transfer t : transfers) {
            net.merge(t.fromAccountId(), t.amount().negate(), Money::plus);
            net.merge(t.toAccountId(), t.amount(), Money::plus);
        }
        return net;
    }
}
