package io.chipledger.ledger;

import io.chipledger.money.Money;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The chip ledger: double-entry, append-only, idempotent. Every chip movement in the system goes through
 * {@link #post(Posting)}; a table actor chains on the returned future and publishes its events only once it completes,
 * so no client ever sees a movement the database does not have.
 */
public interface Ledger extends AutoCloseable {

    /**
     * Queues a posting for the next group commit. The future completes, on the ledger's callback executor, only after
     * the transaction holding the posting committed (or with a {@link PostingResult.Rejected} when nothing moved). It
     * completes exceptionally only when the database failed in a way retries did not cure; the outcome is then unknown
     * to the caller, who may post the same key again to learn it.
     *
     * <p>That executor may be the thread that committed the posting (the game server's choice): a continuation must
     * not block, above all not on another posting, and hands anything slow to an executor of its own.
     */
    CompletableFuture<PostingResult> post(Posting posting);

    /**
     * Returns the account of that kind, owner and currency, creating it with a zero balance if there is none.
     * Idempotent by that natural key: callers may "open" the same account as often as they like.
     *
     * @param currency 3 to 8 upper-case letters or digits, e.g. {@code "CHP"}
     */
    Account openAccount(AccountKind kind, String ownerRef, String currency);

    /** The committed balance; throws {@link IllegalArgumentException} for an unknown account. */
    Money balance(long accountId);

    Optional<Account> account(long accountId);

    Optional<Account> findAccount(AccountKind kind, String ownerRef, String currency);

    /** An account's history, oldest first: one entry per leg that touched it. */
    List<Entry> entries(long accountId);

    /**
     * Every transfer of every posting whose hand reference is {@code handRef}, in id order: for a table's postings, each
     * posted after the previous one completed, that is the order they were posted.
     */
    List<Transfer> transfersOfHand(String handRef);

    /** Stops accepting postings, writes what is queued, then releases the writer threads. */
    @Override
    void close();
}
