package io.chipledger.server.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Fence;
import io.chipledger.ledger.FencedException;
import io.chipledger.ledger.Ledger;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.RejectReason;
import io.chipledger.ledger.TransferKind;
import io.chipledger.ledger.lease.LeaseMapper;
import io.chipledger.ledger.lease.Leases;
import io.chipledger.money.Money;
import io.chipledger.server.GameServer;
import io.chipledger.server.store.PostgresHandRecords;
import io.chipledger.server.store.PostgresSeatRecords;
import io.chipledger.server.testing.TestServer;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.Test;

/**
 * Two game nodes' ledgers on one embedded database, each writing for the same table under the epoch it claimed: once
 * node-b claimed the table, node-a's postings and its hand and seat writes are refused (FENCED, nothing written), and
 * node-a is told once; node-b's go through.
 */
class FencedTableWritesTest {

    private static final String TABLE = TableFence.leaseName(4242);

    @Test
    void theNodeWithTheStaleEpochIsRefusedOnEveryWriteAndTheNewOwnerIsNot() throws Exception {
        try (TestServer a = TestServer.forThisTest().start();
             TestServer b = TestServer.forThisTest().onDatabase(a.jdbcUrl()).start()) {
            GameServer nodeA = a.server();
            Fence first = new Leases(nodeA.database().sqlSessionFactory()).claim(TABLE, "node-a", Duration.ofMinutes(1)).orElseThrow();
            AtomicInteger toldLost = new AtomicInteger();
            TableFence fenceA = new TableFence(first, toldLost::incrementAndGet);
            Ledger ledgerA = new FencedLedger(nodeA.ledger(), fenceA);
            long from = fund(nodeA.ledger(), Money.parse("100.00"));
            long to = nodeA.ledger().openAccount(AccountKind.SEAT, TABLE + "/player:1", GameServer.CURRENCY).id();

            assertThat(ledgerA.post(move("before", from, to)).join()).isInstanceOf(PostingResult.Committed.class);

            Fence second = takeOver(b, "node-b");
            Ledger ledgerB = new FencedLedger(b.server().ledger(), new TableFence(second, () -> { }));

            PostingResult stale = ledgerA.post(move("after", from, to)).join();
            PostingResult fresh = ledgerB.post(move("by-b", from, to)).join();

            assertThat(stale).isInstanceOfSatisfying(PostingResult.Rejected.class,
                    r -> assertThat(r.reason()).isEqualTo(RejectReason.FENCED));
            assertThat(fresh).isInstanceOf(PostingResult.Committed.class);
            assertThat(toldLost).as("node-a told once that the table is not its own").hasValue(1);
            assertThat(nodeA.ledger().balance(to)).as("the two committed moves, not the refused one").isEqualTo(Money.parse("2.00"));
            assertThat(a.count("SELECT count(*) FROM posting WHERE idempotency_key = 'after'")).isZero();

            PostgresHandRecords handsA = new PostgresHandRecords(nodeA.database().sqlSessionFactory(), Runnable::run).fencedBy(fenceA);
            PostgresSeatRecords seatsA = new PostgresSeatRecords(nodeA.database().sqlSessionFactory(), Runnable::run).fencedBy(fenceA);
            long handsBefore = a.count("SELECT count(*) FROM hand");
            assertThatThrownBy(() -> handsA.open(4242).join()).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(FencedException.class);
            assertThatThrownBy(() -> seatsA.taken(4242, 1, 1, to, "stint").join()).hasCauseInstanceOf(FencedException.class);
            assertThat(a.count("SELECT count(*) FROM hand")).as("no hand opened under the stale epoch").isEqualTo(handsBefore);
        }
    }

    /** What a node taking the table over does: the lease ran out (forced here) and it claims it, at once. */
    static Fence takeOver(TestServer server, String node) throws Exception {
        try (SqlSession session = server.server().database().sqlSessionFactory().openSession(false)) {
            try (Statement expire = session.getConnection().createStatement()) {
                expire.execute("UPDATE lease SET expires_at = clock_timestamp() - interval '1 second' WHERE name = '" + TABLE + "'");
            }
            Long epoch = session.getMapper(LeaseMapper.class).claim(TABLE, node, Duration.ofMinutes(1).toMillis());
            session.commit();
            return new Fence(TABLE, epoch);
        }
    }

    private static long fund(Ledger ledger, Money amount) {
        long cashier = ledger.openAccount(AccountKind.CASHIER, "cashier", GameServer.CURRENCY).id();
        long wallet = ledger.openAccount(AccountKind.WALLET, "player:1", GameServer.CURRENCY).id();
        ledger.post(Posting.single("fund", TransferKind.DEPOSIT, cashier, wallet, amount)).join();
        return wallet;
    }

    private static Posting move(String key, long from, long to) {
        return Posting.single(key, TransferKind.BUY_IN, from, to, Money.parse("1.00"));
    }
}
