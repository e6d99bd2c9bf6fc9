package io.chipledger.server.play;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static io.chipledger.server.testing.TestServer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.ledger.Transfer;
import io.chipledger.money.Money;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HandStatus;
import io.chipledger.server.history.record.HistoryEvent;
import io.chipledger.server.store.HandHistoryMapper;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.TestServer;
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

    @Test
    void aHandWhoseRecordWasLostAfterItsSettlementIsStoredSettledAtTheNextStart() throws Exception {
        // Hands that follow the first one until the server stops end however they may (settled the same way, or voided
        // at shutdown); the test follows the first.
        TestServer first = TestServer.forThisTest().start();
        String url = first.jdbcUrl();
        first.execute("""
                CREATE FUNCTION lose_history() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'test: the server stops before the record is stored'; END $$""",
                "CREATE TRIGGER lose_history BEFORE INSERT ON hand_history FOR EACH ROW EXECUTE FUNCTION lose_history()");
        long tableId = first.openTable("Ash", 6);
        long handId;
        try (PokerClient wes = first.connect("wes");
             AutoPlayer una = AutoPlayer.sitDown(first, "una", tableId, 0, "30.00");
             AutoPlayer vic = AutoPlayer.sitDown(first, "vic", tableId, 1, "30.00")) {
            wes.reply(wes.send(r -> new ClientMessage.Watch(r, tableId, null)), WAIT);
            una.play(checkOrCall());
            vic.play(checkOrCall());
            ServerMessage ended = wes.await(m -> m instanceof ServerMessage.Event e && e.event() instanceof TableEvent.HandEnded, WAIT);
            handId = ((TableEvent.HandEnded) ((ServerMessage.Event) ended).event()).handId();
        }
        first.execute("DROP TRIGGER lose_history ON hand_history");
        first.close();

        try (TestServer second = TestServer.forThisTest().onDatabase(url).start()) {
            HandHistory hand;
            try (SqlSession session = second.server().database().sqlSessionFactory().openSession(true)) {
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

            List<Long> ledgerTransfers = second.server().ledger().transfersOfHand("h" + handId).stream().map(Transfer::id).toList();
            List<Long> recorded = hand.events().stream().filter(e -> e instanceof HistoryEvent.Chips)
                    .map(e -> ((HistoryEvent.Chips) e).transferId()).toList();
            assertThat(recorded).as("every chip event names the ledger transfer that moved it, the settlement's too")
                    .containsExactlyInAnyOrderElementsOf(ledgerTransfers);
            assertThat(second.audit().clean()).isTrue();
        }
    }
}
