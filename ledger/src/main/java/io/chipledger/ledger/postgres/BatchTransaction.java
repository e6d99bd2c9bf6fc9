package io.chipledger.ledger.postgres;

import io.chipledger.ledger.Leg;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.mapper.BatchSnapshot;
import io.chipledger.ledger.mapper.IdBlock;
import io.chipledger.ledger.mapper.LockedAccount;
import io.chipledger.ledger.mapper.StoredPosting;
import io.chipledger.ledger.mapper.TransferMapper;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One attempt at committing a batch. When every account the batch touches is in the {@link AccountCache}, the batch is
 * applied to those states and written and committed in one round trip; the write only takes effect if every account
 * still holds what the cache said (compare-and-swap on balance and version), and the posting key's unique index
 * refuses a key committed before. Any failure there, and any batch the cache cannot decide alone (a refusal or a replay
 * must be judged on locked, current rows), falls back to two round trips: lock the batch's accounts in id order and
 * look its keys up; apply in memory; write and commit. Postings that carry a fence are only written while their lease
 * stands at that epoch: the write checks it (the lease read FOR SHARE) and the locked path refuses each stale posting
 * as FENCED. A commit whose outcome is unknown (the connection died before the server's answer arrived) is thrown as
 * a {@link LostCommit} and resolved by {@link #resolve}, looking the keys up again, never by applying twice. One per
 * writer thread, which owns its {@link IdReserve}.
 */
final class BatchTransaction {

    private final SqlSessionFactory sessions;
    private final Clock clock;
    private final IdReserve ids;
    private final AccountCache cache;
    private final BatchPaths paths;

    BatchTransaction(SqlSessionFactory sessions, Clock clock, IdReserve ids, AccountCache cache, BatchPaths paths) {
        this.sessions = sessions;
        this.clock = clock;
        this.ids = ids;
        this.cache = cache;
        this.paths = paths;
    }

    /**
     * The outcome of one attempt: results in queue order. Throws {@link LostCommit} when the connection broke while the
     * batch was being committed, and the database's own failure when it refused or could not be reached.
     */
    List<PostingResult> attempt(List<Pending> batch) {
        Long[] accountIds = accountsOf(batch);
        List<LockedAccount> cached = cache.all(accountIds);
        if (cached != null) {
            List<PostingResult> results = inSession(session -> fromCache(batch, cached, accountIds, session),
                    accountIds);
            if (results != null) {
                paths.oneRoundTrip.incrementAndGet();
                return results;
            }
        }
        paths.underLocks.incrementAndGet();
        return inSession(session -> underLocks(batch, accountIds, session), accountIds);
    }

    private List<PostingResult> inSession(Function<SqlSession, List<PostingResult>> work, Long[] accountIds) {
        try (SqlSession session = sessions.openSession(false)) {
            try {
                return work.apply(session);
            } catch (RuntimeException failed) {
                if (Failures.databaseAway(failed)) {
                    cache.forgetAll();
                } else {
                    cache.forget(accountIds);
                }
                try {
                    session.rollback(true);
                } catch (RuntimeException alsoFailed) {
                    failed.addSuppressed(alsoFailed);
                }
                throw failed;
            }
        }
    }

    /**
     * The one-round-trip path: results, or null when the batch must be decided under locks (nothing was written, or
     * the write was refused and rolled back).
     */
    private List<PostingResult> fromCache(List<Pending> batch, List<LockedAccount> cached, Long[] accountIds,
                                          SqlSession session) {
        JournalBatch journal = BatchApplier.apply(batch, Map.of(), cached, null);
        if (journal.accepted.size() != batch.size()) {
            return null;
        }
        try {
            return write(journal, accountIds, session);
        } catch (RuntimeException refused) {
            if (refused instanceof LostCommit || Failures.outcomeUnknown(refused)) {
                throw refused;
            }
            // A key committed before (unique violation), an account that moved since it was remembered, or a fence
            // that no longer stands: nothing was written, and the locked path will decide each posting on current rows.
            paths.writesRefused.incrementAndGet();
            session.rollback(true);
            cache.forget(accountIds);
            return null;
        }
    }

    private List<PostingResult> underLocks(List<Pending> batch, Long[] accountIds, SqlSession session) {
        TransferMapper mapper = session.getMapper(TransferMapper.class);
        BatchSnapshot snapshot = BatchSnapshot.of(mapper.lockAccountsAndFindPostings(fenceNamesOf(batch), accountIds,
                keysOf(batch)));
        cache.remember(snapshot.accounts());
        Map<String, Long> leases = new HashMap<>();
        snapshot.leases().forEach(lease -> leases.put(lease.name(), lease.epoch()));
        JournalBatch journal = BatchApplier.apply(batch, byKey(snapshot.stored()), snapshot.accounts(), leases);
        if (!journal.hasWrites()) {
            session.commit(true);
            return journal.results(null);
        }
        return write(journal, accountIds, session);
    }

    /**
     * Writes the batch and commits, in one round trip; throws, having written nothing, when the database refuses the
     * write (an account not in the state the batch was applied to, a key used before, a fence that no longer stands),
     * and throws {@link LostCommit} when the connection broke meanwhile.
     */
    private List<PostingResult> write(JournalBatch journal, Long[] accountIds, SqlSession session) {
        TransferMapper mapper = session.getMapper(TransferMapper.class);
        IdBlock taken = ids.take(journal.accepted.size(), journal.legCount(), mapper);
        try {
            mapper.writeBatchAndCommit(journal.rows(taken, OffsetDateTime.now(clock)));
        } catch (RuntimeException writeFailed) {
            if (!Failures.outcomeUnknown(writeFailed)) {
                throw writeFailed;
            }
            // The next connection may reach another server (a promoted standby): nothing remembered is trusted.
            cache.forgetAll();
            throw new LostCommit(journal, taken, writeFailed);
        }
        session.commit(true); // the server committed already; this settles the driver's and the pool's view of it
        return committed(journal, taken);
    }

    private List<PostingResult> committed(JournalBatch journal, IdBlock taken) {
        cache.remember(journal.touched.values().stream().map(AccountState::afterBatch).toList());
        return journal.results(taken);
    }

    /**
     * After a lost commit, asks the database that takes writes now whether the batch committed: our postings are
     * either all there under the ids the lost write gave them, or none is. Returns the batch's results when it
     * committed, null when it did not (apply it again: the keys and locks keep that safe even if the lost transaction
     * were still waiting for a standby somewhere). Throws when the database cannot be asked yet.
     *
     * <p>It must ask the primary: a lookup on a standby that lags could miss a commit. The JDBC url reaches only the
     * primary (HAProxy on Patroni's /primary, or targetServerType=primary); see docs/cluster.md.
     */
    List<PostingResult> resolve(LostCommit lost) {
        String[] keys = lost.journal.acceptedKeys();
        Map<String, StoredPosting> found;
        try (SqlSession session = sessions.openSession(true)) {
            found = byKey(session.getMapper(TransferMapper.class).findPostings(keys));
        }
        List<Long> ours = lost.postingIds();
        long present = Arrays.stream(keys).filter(k -> found.containsKey(k) && ours.contains(found.get(k).id())).count();
        if (present == keys.length) {
            return lost.journal.results(lost.taken);
        }
        if (present == 0) {
            return null;
        }
        IllegalStateException split = new IllegalStateException("after a lost commit, " + present + " of " + keys.length
                + " postings of the batch are present with its ids: one transaction committed in part");
        split.addSuppressed(lost);
        throw split;
    }

    private static Map<String, StoredPosting> byKey(List<StoredPosting> postings) {
        Map<String, StoredPosting> stored = new HashMap<>();
        for (StoredPosting posting : postings) {
            stored.put(posting.idempotencyKey(), posting);
        }
        return stored;
    }

    private static String[] keysOf(List<Pending> batch) {
        Set<String> keys = new LinkedHashSet<>();
        batch.forEach(p -> keys.add(p.key()));
        return keys.toArray(String[]::new);
    }

    /** The leases the batch's fences name, each once. */
    private static String[] fenceNamesOf(List<Pending> batch) {
        Set<String> names = new TreeSet<>();
        for (Pending pending : batch) {
            if (pending.posting().fence() != null) {
                names.add(pending.posting().fence().name());
            }
        }
        return names.toArray(String[]::new);
    }

    /** Every account the batch names, replays included: locking a replay's accounts too costs less than a round trip. */
    private static Long[] accountsOf(List<Pending> batch) {
        Set<Long> accounts = new TreeSet<>();
        for (Pending pending : batch) {
            for (Leg leg : pending.posting().legs()) {
                accounts.add(leg.fromAccountId());
                accounts.add(leg.toAccountId());
            }
        }
        return accounts.toArray(Long[]::new);
    }
}
