package io.chipledger.server.play;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.ledger.Transfer;
import io.chipledger.ledger.audit.LedgerAuditor;
import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.db.DatabaseConfig;
import io.chipledger.money.Money;
import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.GameServer;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HandStatus;
import io.chipledger.server.history.record.HistoryEvent;
import io.chipledger.server.store.HandHistoryMapper;
import io.chipledger.server.table.TableDirectory;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.Test;

/**
 * The server stops in the moment after a hand's settlement committed and before its record was stored (here: the
 * record's insert fails, as it would if the process died there). The next start finds the settlement in the ledger and
 * stores the hand as SETTLED from the record drafted just before the settlement: every card, action and transfer id,
 * not a "cut short" stub.
 */
class HandSettledAtTheCrashTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aHandWhoseRecordWasLostAfterItsSettlementIsStoredSettledAtTheNextStart() throws Exception {
        // Hands that follow the first one until the server stops end however they may (settled the same way, or voided
        // at shutdown); the test follows the first.
        ServerSettings settings = ServerSettings.forTests();
        GameServer first = GameServer.start(SharedPostgres.freshDatabase(), settings);
        String url = first.database().jdbcUrl();
        sql(first.database(), """
                CREATE FUNCTION lose_history() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'test: the server stops before the record is stored'; END $$""",
                "CREATE TRIGGER lose_history BEFORE INSERT ON hand_history FOR EACH ROW EXECUTE FUNCTION lose_history()");
        long tableId = first.tables().create(TableDirectory.plainTable("Ash", Money.parse("0.50"), Money.parse("1.00"), 6))
                .config().id();
        String http = "http://127.0.0.1:" + first.port();
        String ws = "ws://127.0.0.1:" + first.port() + "/ws";
        long handId;
        try (PokerClient una = PokerClient.connect(ws, PokerClient.token(http, "una", "una-password"), "una");
             PokerClient vic = PokerClient.connect(ws, PokerClient.token(http, "vic", "vic-password"), "vic");
             PokerClient wes = PokerClient.connect(ws, PokerClient.token(http, "wes", "wes-password"), "wes")) {
            wes.reply(wes.send(r -> new ClientMessage.Watch(r, tableId, null)), WAIT);
            una.reply(una.send(r -> new ClientMessage.SitDown(r, tableId, 0, Money.parse("30.00"))), WAIT);
            vic.reply(vic.send(r -> new ClientMessage.SitDown(r, tableId, 1, Money.parse("30.00"))), WAIT);
            LiveServer.playPassively(una, tableId);
            LiveServer.playPassively(vic, tableId);
            ServerMessage ended = wes.await(m -> m instanceof ServerMessage.Event e && e.event() instanceof TableEvent.HandEnded, WAIT);
            handId = ((TableEvent.HandEnded) ((ServerMessage.Event) ended).event()).handId();
        }
        sql(first.database(), "DROP TRIGGER lose_history ON hand_history");
        first.close();

        GameServer second = GameServer.start(Database.open(DatabaseConfig.server(url, "postgres", null)), settings);
        try {
            HandHistory hand;
            try (SqlSession session = second.database().sqlSessionFactory().openSession(true)) {
                HandHistoryMapper histories = session.getMapper(HandHistoryMapper.class);
                hand = histories.findHistory(handId).history();
                assertThat(histories.findDraft(handId)).as("the draft is gone once the hand is recorded").isNull();
            }
            assertThat(hand.status()).isEqualTo(HandStatus.SETTLED);
            assertThat(hand.voidReason()).isNull();
            assertThat(hand.deck().serverSeed()).as("the deck's seed, revealed").hasSize(64);
            assertThat(hand.seats()).hasSize(2).allSatisfy(s -> assertThat(s.holeCards()).hasSize(2));
            assertThat(hand.events()).anyMatch(e -> e instanceof HistoryEvent.BlindPosted)
                    .anyMatch(e -> e instanceof HistoryEvent.PotAwarded);
            Money dealtIn = hand.seats().stream().map(s -> s.startingStack()).reduce(Money.ZERO, Money::plus);
            Money dealtOut = hand.seats().stream().map(s -> s.finalStack()).reduce(Money.ZERO, Money::plus);
            assertThat(dealtOut).as("no rake at this table: the stacks add up").isEqualTo(dealtIn);

            List<Long> ledgerTransfers = second.ledger().transfersOfHand("h" + handId).stream().map(Transfer::id).toList();
            List<Long> recorded = hand.events().stream().filter(e -> e instanceof HistoryEvent.Chips)
                    .map(e -> ((HistoryEvent.Chips) e).transferId()).toList();
            assertThat(recorded).as("every chip event names the ledger transfer that moved it, the settlement's too")
                    .containsExactlyInAnyOrderElementsOf(ledgerTransfers);
            assertThat(new LedgerAuditor(second.database().sqlSessionFactory()).audit().clean()).isTrue();
        } finally {
            second.close();
        }
    }

    private static void sql(Database database, String... statements) throws Exception {
        try (Connection connection = database.dataSource().getConnection(); Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }
}
