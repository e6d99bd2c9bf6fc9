package io.chipledger.ledger.postgres;

import io.chipledger.ledger.Account;
import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Entry;
import io.chipledger.ledger.Ledger;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.RejectReason;
import io.chipledger.ledger.Transfer;
import io.chipledger.ledger.db.CommitWatch;
import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.mapper.AccountMapper;
import io.chipledger.ledger.mapper.LockedAccount;
import io.chipledger.money.Money;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The ledger on PostgreSQL with group commit: postings from every caller are queued to a few writer threads, each
 * turning whatever has queued into one transaction. A table's postings (or, without a table, a key's) always go to the
 * same writer, so two postings with one key and content are never in flight in two transactions at once.
 */
public final class PostgresLedger implements Ledger {

    /** Accounts whose last committed state the writers keep: a few hundred bytes each. */
    private static final int ACCOUNTS_CACHED = 100_000;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z0-9]{3,8}");

    private final SqlSessionFactory sessions;
    private final List<GroupCommitWriter> writers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final BatchPaths paths = new BatchPaths();
    private final AccountCache accounts = new AccountCache(ACCOUNTS_CACHED);
    private volatile boolean closed;

    private PostgresLedger(SqlSessionFactory sessions, CommitWatch commits, LedgerSettings settings, Clock clock,
                           Executor callbacks) {
        this.sessions = sessions;
        for (int i = 0; i < settings.writers(); i++) {
            BatchTransaction transaction = new BatchTransaction(sessions, clock, new IdReserve(IdReserve.BLOCK),
                    accounts, paths);
            GroupCommitWriter writer = new GroupCommitWriter(transaction, settings, callbacks, batches, written,
                    commits);
            Thread thread = new Thread(writer, "ledger-writer-" + i);
            thread.setDaemon(true);
            writers.add(writer);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    /** Default settings, the system clock, and futures completed on the common pool. */
    public static PostgresLedger start(Database database) {
        return start(database, LedgerSettings.defaults(), Clock.systemUTC(), ForkJoinPool.commonPool());
    }

    /**
     * @param callbacks where posting futures complete; callers' continuations run there. {@code Runnable::run}
     *     completes them on the writer that committed them, after its transaction and before its next batch: one thread
     *     hop fewer a posting, for continuations that never block
     */
    public static PostgresLedger start(Database database, LedgerSettings settings, Clock clock, Executor callbacks) {
        return new PostgresLedger(database.sqlSessionFactory(), database.commits(), settings, clock, callbacks);
    }

    @Override
    public CompletableFuture<PostingResult> post(Posting posting) {
        Objects.requireNonNull(posting, "posting");
        Optional<PostingResult.Rejected> invalid = PostingValidator.verify(posting);
        if (invalid.isPresent()) {
            return CompletableFuture.completedFuture(invalid.get());
        }
        if (closed) {
            return CompletableFuture.completedFuture(new PostingResult.Rejected(RejectReason.LEDGER_CLOSED,
                    "the ledger is closed; posting " + posting.idempotencyKey() + " was not written"));
        }
        Pending pending = Pending.of(posting);
        writerOf(posting).submit(pending);
        return pending.future();
    }

    /**
     * A table's postings all go to one writer, so they take ids, and commit, in the order the table posted them, and
     * writers mostly lock disjoint accounts. The same key with the same content names the same table, so it never is
     * in flight in two transactions at once; the same key with another table is a conflict, which the unique key
     * catches if both are in flight.
     */
    private GroupCommitWriter writerOf(Posting posting) {
        String route = posting.tableRef() != null ? posting.tableRef() : posting.idempotencyKey();
        return writers.get(Math.floorMod(route.hashCode(), writers.size()));
    }

    @Override
    public Account openAccount(AccountKind kind, String ownerRef, String currency) {
        Objects.requireNonNull(kind, "kind");
        if (ownerRef == null || ownerRef.isBlank() || ownerRef.length() > 200) {
            throw new IllegalArgumentException("an account owner reference is 1 to 200 characters, was " + ownerRef);
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("a currency is 3 to 8 upper-case letters or digits, was " + currency);
        }
        try (SqlSession session = sessions.openSession(true)) {
            AccountMapper mapper = session.getMapper(AccountMapper.class);
            mapper.insertIfAbsent(kind, ownerRef, currency, kind.mayGoNegative());
            Account account = mapper.findByNaturalKey(kind, ownerRef, currency);
            // A hand's pot is opened just before its blinds: remembered, they need not lock it to learn it is empty.
            accounts.remember(List.of(new LockedAccount(account.id(), kind, currency, account.balance(),
                    account.version(), kind.mayGoNegative())));
            return account;
        }
    }

    @Override
    public Money balance(long accountId) {
        return account(accountId).map(Account::balance)
                .orElseThrow(() -> new IllegalArgumentException("account " + accountId + " does not exist"));
    }

    @Override
    public Optional<Account> account(long accountId) {
        return Optional.ofNullable(read(m -> m.findById(accountId)));
    }

    @Override
    public Optional<Account> findAccount(AccountKind kind, String ownerRef, String currency) {
        return Optional.ofNullable(read(m -> m.findByNaturalKey(kind, ownerRef, currency)));
    }

    @Override
    public List<Entry> entries(long accountId) {
        return read(m -> m.entries(accountId));
    }

    @Override
    public List<Transfer> transfersOfHand(String handRef) {
        return read(m -> m.transfersOfHand(handRef));
    }

    /**
     * Batches committed and postings settled by them so far (replays and rejections included), and how the attempts
     * went: in one round trip, under locks, and one-round-trip writes the database refused.
     */
    public LedgerStats stats() {
        return new LedgerStats(batches.get(), written.get(), paths.oneRoundTrip.get(), paths.underLocks.get(),
                paths.writesRefused.get());
    }

    /** Whether the ledger takes postings and every writer thread is alive: what readiness asks of it. */
    public boolean writing() {
        return !closed && threads.stream().allMatch(Thread::isAlive);
    }

    @Override
    public void close() {
        close(null);
    }

    /**
     * Stops taking postings and lets the writers finish what is queued; after {@code bound} (null: no bound), what
     * is still queued is given up (rejected as LEDGER_CLOSED, never written) and the writers are interrupted, so a
     * stop never waits on a database that went away. A batch cut short has an unknown outcome: its futures fail, and
     * posting again with the same key tells.
     */
    public void close(java.time.Duration bound) {
        closed = true;
        writers.forEach(GroupCommitWriter::stop);
        long deadline = bound == null ? Long.MAX_VALUE : System.nanoTime() + bound.toNanos();
        for (int i = 0; i < threads.size(); i++) {
            Thread thread = threads.get(i);
            try {
                long left = deadline - System.nanoTime();
                if (bound == null) {
                    thread.join();
                } else if (left > 0) {
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedJoin(thread, left);
                }
                if (thread.isAlive()) {
                    writers.get(i).abandonQueued(thread);
                    thread.join(1_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private <T> T read(Function<AccountMapper, T> query) {
        try (SqlSession session = sessions.openSession(true)) {
            return query.apply(session.getMapper(AccountMapper.class));
        }
    }

    /** Counters for benchmarks and health pages. */
    public record LedgerStats(long batches, long postings, long oneRoundTripAttempts, long lockedAttempts,
                              long refusedWrites) {
        public double meanBatchSize() {
            return batches == 0 ? 0 : (double) postings / batches;
        }
    }
}
