package io.chipledger.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Ledger;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.TransferKind;
import io.chipledger.money.Money;
import io.chipledger.server.testing.TestServer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The game server's ledger completes a posting's future on the writer that committed it, so what a table chains on a
 * commit runs without waiting for another thread (docs/performance.md, "one thread hop fewer").
 */
class LedgerCallbacksTest {

    @RegisterExtension
    static final TestServer server = TestServer.forEachTestClass();

    @Test
    void aPostingsContinuationRunsOnTheWriterThatCommittedIt() throws Exception {
        Ledger ledger = server.server().ledger();
        long cashier = ledger.openAccount(AccountKind.CASHIER, "cashier:callbacks-test", "CHP").id();
        long wallet = ledger.openAccount(AccountKind.WALLET, "wallet:callbacks-test", "CHP").id();
        String caller = Thread.currentThread().getName();
        String ranOn = caller;
        // A continuation added after its future completed runs on the thread adding it: a commit takes far longer than
        // adding one, but should the posting win that race, it is posted again rather than the test fail by luck.
        for (int attempt = 0; attempt < 5 && ranOn.equals(caller); attempt++) {
            Posting deposit = Posting.single(TestServer.newKey(), TransferKind.DEPOSIT, cashier, wallet, Money.parse("1.00"));
            ranOn = ledger.post(deposit)
                    .thenApply(result -> {
                        assertThat(result).isInstanceOf(PostingResult.Committed.class);
                        return Thread.currentThread().getName();
                    })
                    .get(TestServer.WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        assertThat(ranOn).startsWith("ledger-writer-");
    }
}
