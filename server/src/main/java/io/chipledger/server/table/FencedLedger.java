package io.chipledger.server.table;

import io.chipledger.ledger.Account;
import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Entry;
import io.chipledger.ledger.Ledger;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.RejectReason;
import io.chipledger.ledger.Transfer;
import io.chipledger.money.Money;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger as one table of a game node sees it: every posting carries the table's fence, so the ledger refuses it
 * (FENCED, nothing written) once another node claimed the table; the first such refusal tells the {@link TableFence}.
 * Reads pass through. Closing it closes nothing: the ledger is the node's.
 */
final class FencedLedger implements Ledger {

    private static final Logger log = LoggerFactory.getLogger(FencedLedger.class);

    private final Ledger ledger;
    private final TableFence fence;

    FencedLedger(Ledger ledger, TableFence fence) {
        this.ledger = ledger;
        this.fence = fence;
    }

    @Override
    public CompletableFuture<PostingResult> post(Posting posting) {
        return ledger.post(posting.withFence(fence.fence())).thenApply(result -> {
            if (result instanceof PostingResult.Rejected rejected && rejected.reason() == RejectReason.FENCED) {
                // One line per refused posting: what a node woken after its lease moved tried to move, and did not.
                log.warn("posting {} refused as FENCED under {}: no chip moved", posting.idempotencyKey(), fence.fence());
                fence.lost();
            }
            return result;
        });
    }

    @Override
    public Account openAccount(AccountKind kind, String ownerRef, String currency) {
        return ledger.openAccount(kind, ownerRef, currency);
    }

    @Override
    public Money balance(long accountId) {
        return ledger.balance(accountId);
    }

    @Override
    public Optional<Account> account(long accountId) {
        return ledger.account(accountId);
    }

    @Override
    public Optional<Account> findAccount(AccountKind kind, String ownerRef, String currency) {
        return ledger.findAccount(kind, ownerRef, currency);
    }

    @Override
    public List<Entry> entries(long accountId) {
        return ledger.entries(accountId);
    }

    @Override
    public List<Transfer> transfersOfHand(String handRef) {
        return ledger.transfersOfHand(handRef);
    }

    @Override
    public void close() {
    }
}
