package io.chipledger.server.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Leg;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.Transfer;
import io.chipledger.ledger.TransferKind;
import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.db.DatabaseConfig;
import io.chipledger.ledger.postgres.PostgresLedger;
import io.chipledger.ledger.testing.LedgerScenario;
import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.money.Money;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.account.PlayerMapper;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HandStatus;
import io.chipledger.server.history.record.HistoryEvent;
import io.chipledger.server.store.HandHistoryMapper;
import io.chipledger.server.store.HandMapper;
import io.chipledger.server.store.PostgresHandRecords;
import io.chipledger.server.store.PostgresTableRecords;
import io.chipledger.server.store.ServerSchema;
import io.chipledger.server.testing.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/** Voided hands are recorded too, marked VOIDED, with the refunds that gave every chip back. */
class VoidedHandHistoryTest {

    private static List<HandHistory> histories(SqlSessionFactory database) {
        try (SqlSession session = database.openSession(true)) {
            return session.getMapper(HandHistoryMapper.class)
                    .findHistories(new HandHistoryMapper.HandQuery(null, null, null, null, null, null))
                    .stream().map(HandHistoryMapper.StoredHistory::history).toList();
        }
    }

    @Test
    void aHandCutShortByShutdownIsStoredVoidedWithItsRefundsAndItsDeck() throws Exception {
        TestServer server = TestServer.forThisTest().start();
        String url = server.jdbcUrl();
        long tableId = server.openTable("Void", 6);
        PokerClient ann = PokerClient.connect(server.ws(), server.token("ann"), "a");
        PokerClient ben = PokerClient.connect(server.ws(), server.token("ben"), "b");
        ann.reply(ann.send(r -> new ClientMessage.SitDown(r, tableId, 0, Money.parse("30.00"))), Duration.ofSeconds(30));
        ben.reply(ben.send(r -> new ClientMessage.SitDown(r, tableId, 1, Money.parse("40.00"))), Duration.ofSeconds(30));
        // Nobody acts: the hand waits on its first turn until the server shuts down and voids it.
        ann.await(m -> m instanceof ServerMessage.Event e && e.event() instanceof TableEvent.TurnStarted, Duration.ofSeconds(30));
        server.close();
        ann.close();
        ben.close();

        try (Database database = Database.open(DatabaseConfig.server(url, "postgres", null))) {
            ServerSchema.registerMappers(database.sqlSessionFactory());
            List<HandHistory> hands = histories(database.sqlSessionFactory());
            assertThat(hands).hasSize(1);
            HandHistory hand = hands.get(0);
            assertThat(hand.status()).isEqualTo(HandStatus.VOIDED);
            assertThat(hand.voidReason()).isEqualTo("the server is shutting down");
            assertThat(hand.deck().serverSeed()).hasSize(64);
            List<HistoryEvent.Refunded> refunds = hand.events().stream().filter(e -> e instanceof HistoryEvent.Refunded)
                    .map(e -> (HistoryEvent.Refunded) e).toList();
            assertThat(refunds).extracting(HistoryEvent.Refunded::amount)
                    .containsExactlyInAnyOrder(Money.parse("0.50"), Money.parse("1.00"));
            assertThat(hand.seats()).allMatch(s -> s.finalStack().equals(s.startingStack()), "every chip back on its seat");
        }
    }

    @Test
    void aHandLeftOpenByACrashIsStoredVoidedWithTheRefundsTheLedgerMade() throws Exception {
        withAHandOpenAfterABlind("Crash", "zed", scene -> {
            int voided = scene.recover();

            assertThat(voided).isEqualTo(1);
            HandHistory hand = histories(scene.database().sqlSessionFactory()).get(0);
            assertThat(hand.status()).isEqualTo(HandStatus.VOIDED);
            assertThat(hand.deck()).as("the seed died with the process").isNull();
            assertThat(hand.seats()).extracting(s -> s.player()).containsExactly("zed");
            Transfer refund = scene.ledger().transfersOfHand(scene.handRef()).stream()
                    .filter(t -> t.kind() == TransferKind.REFUND).findFirst().orElseThrow();
            assertThat(hand.events()).containsExactly(new HistoryEvent.Refunded(-1, Money.parse("2.00"), refund.id()));
        });
    }

    @Test
    void aHandThatSettledJustBeforeTheCrashIsNotPassedOffAsRefunded() throws Exception {
        withAHandOpenAfterABlind("Paid", "yan", scene -> {
            // The settlement committed; the crash came before the hand's history was written.
            LedgerScenario.postAndWait(scene.ledger(), new Posting("t-h1-settle", TransferKind.POT_AWARD,
                    scene.tableRef(), scene.handRef(), null,
                    List.of(new Leg(scene.pot(), scene.seat(), Money.parse("2.00"), TransferKind.POT_AWARD))));

            scene.recover();

            HandHistory hand = histories(scene.database().sqlSessionFactory()).get(0);
            assertThat(hand.voidReason()).startsWith("the hand settled");
            assertThat(hand.events()).as("nothing was refunded").isEmpty();
            assertThat(scene.ledger().transfersOfHand(scene.handRef())).noneMatch(t -> t.kind() == TransferKind.REFUND);
        });
    }

    /** What a crash leaves behind: an open hand into whose pot one player, seated with 50.00, posted a 2.00 blind. */
    private record OpenHand(Database database, PostgresLedger ledger, ExecutorService executor, long tableId,
                            long handId, long seat, long pot) {

        String tableRef() {
            return "table:" + tableId;
        }

        String handRef() {
            return "h" + handId;
        }

        /** What the server does at start-up: void every open hand. */
        int recover() {
            return new CrashRecovery(new PostgresHandRecords(database.sqlSessionFactory(), executor), ledger, executor, "CHP",
                    Clock.systemUTC()).endOpenHands();
        }
    }

    private interface OpenHandTest {
        void run(OpenHand scene) throws Exception;
    }

    private static void withAHandOpenAfterABlind(String tableName, String player, OpenHandTest test) throws Exception {
        try (Database database = SharedPostgres.freshDatabase()) {
            ServerSchema.migrate(database.dataSource());
            ServerSchema.registerMappers(database.sqlSessionFactory());
            long tableId;
            long playerId;
            long handId;
            tableId = new PostgresTableRecords(database.sqlSessionFactory())
                    .insert(TableDirectory.plainTable(tableName, Money.parse("1.00"), Money.parse("2.00"), 6), TableStatus.OPEN);
            try (SqlSession session = database.sqlSessionFactory().openSession(true)) {
                playerId = session.getMapper(PlayerMapper.class).insertPlayer(player, "not-a-hash", "PLAYER");
                handId = session.getMapper(HandMapper.class).openHand(tableId);
            }
            ExecutorService executor = Executors.newFixedThreadPool(2);
            try (PostgresLedger ledger = PostgresLedger.start(database)) {
                var wallet = LedgerScenario.fundedWallet(ledger, "player:" + playerId, "100.00");
                long seat = ledger.openAccount(AccountKind.SEAT, "table:" + tableId + "/player:" + playerId, "CHP").id();
                long pot = ledger.openAccount(AccountKind.POT, "table:" + tableId, "CHP").id();
                LedgerScenario.postAndWait(ledger, Posting.single("buyin", TransferKind.BUY_IN, wallet.id(), seat, Money.parse("50.00")));
                LedgerScenario.postAndWait(ledger, new Posting("t-h1", TransferKind.BLIND, "table:" + tableId, "h" + handId,
                        null, List.of(new Leg(seat, pot, Money.parse("2.00"), TransferKind.BLIND))));
                test.run(new OpenHand(database, ledger, executor, tableId, handId, seat, pot));
            } finally {
                executor.shutdownNow();
            }
        }
    }
}
