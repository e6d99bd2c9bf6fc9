package io.chipledger.ledger.postgres;

import io.chipledger.ledger.Account;
import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Entry;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.PostingResult.Committed;
import io.chipledger.ledger.PostingResult.Replayed;
import io.chipledger.ledger.TransferKind;
import io.chipledger.ledger.audit.LedgerAuditor;
import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.db.DatabaseConfig;
import io.chipledger.money.Money;
import io.chipledger.ledger.testing.CuttingProxy;
import io.chipledger.ledger.testing.CuttingProxy.Cut;
import io.chipledger.ledger.testing.SharedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.chipledger.ledger.testing.LedgerScenario.fundedWallet;
import static io.chipledger.ledger.testing.LedgerScenario.postAndWait;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection dies while a batch is being written and committed: whether the server committed or not, the caller
 * gets one answer and the chips move exactly once. The write and its COMMIT share a round trip, so this is the one
 * moment whose outcome the writer cannot know without looking.
 */
class LostCommitTest {

    private Database direct;
    private CuttingProxy proxy;
    private Database proxied;
    private ExecutorService callbacks;
    private PostgresLedger ledger;

    @BeforeEach
    void ledgerBehindAProxy() {
        direct = SharedPostgres.freshDatabase();
        URI target = URI.create(direct.jdbcUrl().substring("jdbc:".length()));
        proxy = new CuttingProxy(target.getHost(), target.getPort());
        proxied = Database.open(DatabaseConfig.server("jdbc:postgresql://127.0.0.1:" + proxy.port() + target.getPath(),
                "postgres", null));
        callbacks = Executors.newSingleThreadExecutor();
        ledger = PostgresLedger.start(proxied, LedgerSettings.defaults().withWriters(1), Clock.systemUTC(), callbacks);
    }

    @AfterEach
    void close() {
        ledger.close();
        proxied.close();
        proxy.close();
        direct.close();
        callbacks.shutdownNow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // The server committed, but its answer never arrived: the writer must find the posting, not write it again.
            "DROP_ANSWER, COMMIT",
            // The write never reached the server: the writer must find nothing and write it again.
            "DROP_REQUEST, new_postings"})
    void aConnectionCutDuringTheWriteStillMovesTheChipsExactlyOnce(Cut cut, String marker) {
        Account alice = fundedWallet(ledger, "alice", "50.00");
        Account bob = ledger.openAccount(AccountKind.WALLET, "bob", "CHP");
        Posting bet = Posting.single("bet-through-a-cut", TransferKind.BET, alice.id(), bob.id(), Money.of("20.00"));

        proxy.arm(cut, marker);
        PostingResult result = postAndWait(ledger, bet);

        assertThat(proxy.cuts()).as("the connection was cut").isEqualTo(1);
        assertThat(result).isInstanceOf(Committed.class);
        Committed committed = (Committed) result;
        assertThat(postAndWait(ledger, bet)).isEqualTo(new Replayed(committed.postingId(), committed.transferIds()));
        assertThat(ledger.balance(alice.id())).isEqualTo(Money.of("30.00"));
        assertThat(ledger.balance(bob.id())).isEqualTo(Money.of("20.00"));
        assertThat(ledger.entries(bob.id())).extracting(Entry::transferId).isEqualTo(List.of(committed.transferIds().get(0)));
        assertThat(new LedgerAuditor(direct.sqlSessionFactory()).audit().findings()).isEmpty();
    }
}
