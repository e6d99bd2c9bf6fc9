package io.chipledger.server.table;

import io.chipledger.ledger.Account;
import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Entry;
import io.chipledger.ledger.Leg;
import io.chipledger.ledger.Ledger;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.RejectReason;
import io.chipledger.ledger.Transfer;
import io.chipledger.ledger.TransferKind;
import io.chipledger.money.Money;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * A {@link Ledger} in memory, for unit tests of table logic on fake time (the real one, on PostgreSQL, is tested in
 * the ledger module and under every live-server test). It keeps the rules a table relies on: a posting moves whole or
 * not at all, a key sent again with the same content replays the first outcome and with other content is refused,
 * and only the cashier goes negative. A test may hold postings to see what the table does before the commit.
 */
public final class InMemoryLedger implements Ledger {

    private final Map<Long, Account> accounts = new HashMap<>();
    private final Map<Long, List<Entry>> entries = new HashMap<>();
    private final Map<String, Committed> byKey = new HashMap<>();
    private final List<Transfer> transfers = new ArrayList<>();
    private final Map<Long, String> handRefs = new HashMap<>();
    private final Queue<Held> held = new ArrayDeque<>();
    private Predicate<Posting> refuse = posting -> false;
    private boolean holding;
    private long nextAccount = 1;
    private long nextPosting = 1;
    private long nextTransfer = 1;

    private record Committed(Posting posting, PostingResult.Committed result) {
    }

    private record Held(Posting posting, CompletableFuture<PostingResult> answer) {
    }

    /** From now on postings wait, uncommitted, until {@link #commitHeld()}. */
    public synchronized void hold() {
        holding = true;
    }

    /** Commits every posting held so far, in order, and stops holding. */
    public void commitHeld() {
        List<Held> waiting;
        synchronized (this) {
            holding = false;
            waiting = new ArrayList<>(held);
            held.clear();
        }
        waiting.forEach(h -> h.answer().complete(apply(h.posting())));
    }

    public synchronized int heldCount() {
        return held.size();
    }

    /** Postings that match are refused as if the database had turned them down (e.g. a hand's chips). */
    public synchronized void refuseWhen(Predicate<Posting> rule) {
        refuse = rule;
    }

    /** Deposits play chips from the cashier into the player's wallet. */
    public Account fund(String playerOwner, String amount) {
        long cashier = openAccount(AccountKind.CASHIER, "cashier", "CHP").id();
        long wallet = openAccount(AccountKind.WALLET, playerOwner, "CHP").id();
        PostingResult result = apply(Posting.single("fund:" + playerOwner + ":" + transfers.size(),
                TransferKind.DEPOSIT, cashier, wallet, Money.parse(amount)));
        if (!result.accepted()) {
            throw new IllegalStateException(result.toString());
        }
        return accounts.get(wallet);
    }

    /** The sum of every balance: zero while no chip is lost or made (the cashier holds minus the chips in play). */
    public synchronized Money total() {
        return accounts.values().stream().map(Account::balance).reduce(Money.ZERO, Money::plus);
    }

    @Override
    public CompletableFuture<PostingResult> post(Posting posting) {
        synchronized (this) {
            if (holding) {
                CompletableFuture<PostingResult> answer = new CompletableFuture<>();
                held.add(new Held(posting, answer));
                return answer;
            }
        }
        return CompletableFuture.completedFuture(apply(posting));
    }

    private synchronized PostingResult apply(Posting posting) {
        Committed earlier = byKey.get(posting.idempotencyKey());
        if (earlier != null) {
            return earlier.posting().equals(posting)
                    ? new PostingResult.Replayed(earlier.result().postingId(), earlier.result().transferIds())
                    : new PostingResult.Rejected(RejectReason.IDEMPOTENCY_CONFLICT, "idempotency key "
                    + posting.idempotencyKey() + " was already used for a posting with different content");
        }
        if (refuse.test(posting)) {
            return new PostingResult.Rejected(RejectReason.INSUFFICIENT_FUNDS, "refused by the test");
        }
        Map<Long, Money> after = new HashMap<>();
        for (Leg leg : posting.legs()) {
            Account from = accounts.get(leg.fromAccountId());
            Account to = accounts.get(leg.toAccountId());
            if (from == null || to == null) {
                return new PostingResult.Rejected(RejectReason.UNKNOWN_ACCOUNT, "no such account");
            }
            Money fromAfter = after.getOrDefault(from.id(), from.balance()).minus(leg.amount());
            if (fromAfter.isNegative() && !from.kind().mayGoNegative()) {
                return new PostingResult.Rejected(RejectReason.INSUFFICIENT_FUNDS, "account " + from.id() + " holds too little");
            }
            after.put(from.id(), fromAfter);
            after.put(to.id(), after.getOrDefault(to.id(), to.balance()).plus(leg.amount()));
        }
        long postingId = nextPosting++;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < posting.legs().size(); i++) {
            Leg leg = posting.legs().get(i);
            Transfer transfer = new Transfer(nextTransfer++, postingId, i, leg.kind(), leg.fromAccountId(), leg.toAccountId(),
                    leg.amount());
            transfers.add(transfer);
            handRefs.put(transfer.id(), posting.handRef());
            move(leg.fromAccountId(), leg.amount().negate(), transfer.id());
            move(leg.toAccountId(), leg.amount(), transfer.id());
            ids.add(transfer.id());
        }
        PostingResult.Committed committed = new PostingResult.Committed(postingId, ids);
        byKey.put(posting.idempotencyKey(), new Committed(posting, committed));
        return committed;
    }

    private void move(long accountId, Money amount, long transferId) {
        Account account = accounts.get(accountId);
        Money before = account.balance();
        Account moved = new Account(account.id(), account.kind(), account.ownerRef(), account.currency(),
                before.plus(amount), account.version() + 1);
        accounts.put(accountId, moved);
        entries.get(accountId).add(new Entry(accountId, moved.version(), transferId, amount, before, moved.balance()));
    }

    @Override
    public synchronized Account openAccount(AccountKind kind, String ownerRef, String currency) {
        return findAccount(kind, ownerRef, currency).orElseGet(() -> {
            Account account = new Account(nextAccount++, kind, ownerRef, currency, Money.ZERO, 0);
            accounts.put(account.id(), account);
            entries.put(account.id(), new ArrayList<>());
            return account;
        });
    }

    @Override
    public synchronized Money balance(long accountId) {
        Account account = accounts.get(accountId);
        if (account == null) {
            throw new IllegalArgumentException("no account " + accountId);
        }
        return account.balance();
    }

    @Override
    public synchronized Optional<Account> account(long accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    @Override
    public synchronized Optional<Account> findAccount(AccountKind kind, String ownerRef, String currency) {
        return accounts.values().stream()
                .filter(a -> a.kind() == kind && a.ownerRef().equals(ownerRef) && a.currency().equals(currency))
                .findFirst();
    }

    @Override
    public synchronized List<Entry> entries(long accountId) {
        return List.copyOf(entries.getOrDefault(accountId, List.of()));
    }

    @Override
    public synchronized List<Transfer> transfersOfHand(String handRef) {
        return transfers.stream().filter(t -> handRef.equals(handRefs.get(t.id()))).toList();
    }

    @Override
    public void close() {
    }
}
