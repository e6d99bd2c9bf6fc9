package io.chipledger.ledger.postgres;

import io.chipledger.ledger.Leg;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.mapper.BatchSnapshot;
import io.chipledger.ledger.mapper.IdBlock;
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

/**
 * One attempt at committing a batch, in three round trips whatever its size: lock the batch's accounts in id order and
 * look its keys up; apply in memory; write every row with one statement; commit. A commit whose outcome is unknown
 * (the connection died during COMMIT) is resolved by looking the keys up again, never by applying twice. One per
 * writer thread, which owns its {@link IdReserve}.
 */
final class BatchTransaction {

    private final SqlSessionFactory sessions;
    private final Clock clock;
    private final IdReserve ids;

    BatchTransaction(SqlSessionFactory sessions, Clock clock, IdReserve ids) {
        this.sessions = sessions;
        this.clock = clock;
        this.ids = ids;
    }

    /** The outcome of one attempt: results in queue order, or null when the commit outcome was resolved as "not committed". */
    List<PostingResult> attempt(List<Pending> batch) {
        JournalBatch journal;
        IdBlock taken = null;
        try (SqlSession session = sessions.openSession(false)) {
            TransferMapper mapper = session.getMapper(TransferMapper.class);
            BatchSnapshot snapshot = BatchSnapshot.of(mapper.lockAccountsAndFindPostings(accountsOf(batch), keysOf(batch)));
            journal = BatchApplier.apply(batch, byKey(snapshot.stored()), snapshot.accounts());
            if (journal.hasWrites()) {
                taken = ids.take(journal.accepted.size(), journal.legCount(), mapper);
                int updated = mapper.writeBatch(journal.rows(taken, OffsetDateTime.now(clock)));
                if (updated != journal.touched.size()) {
                    throw new IllegalStateException("updated " + updated + " of " + journal.touched.size() + " accounts");
                }
            }
            try {
                session.commit(true);
            } catch (RuntimeException commitFailed) {
                if (!journal.hasWrites() || !Failures.outcomeUnknown(commitFailed)) {
                    throw commitFailed;
                }
                return committedAfterAll(journal, taken, commitFailed) ? journal.results(taken) : null;
            }
        }
        return journal.results(taken);
    }

    /** After a lost COMMIT: our postings are either all in the database with our ids, or none is. */
    private boolean committedAfterAll(JournalBatch journal, IdBlock taken, RuntimeException commitFailed) {
        String[] keys = journal.acceptedKeys();
        Map<String, StoredPosting> found;
        try (SqlSession session = sessions.openSession(true)) {
            found = byKey(session.getMapper(TransferMapper.class).findPostings(keys));
        }
        long ours = Arrays.stream(keys).filter(k -> found.containsKey(k)
                && Arrays.asList(taken.postingIds()).contains(found.get(k).id())).count();
        if (ours == keys.length) {
            return true;
        }
        if (found.isEmpty()) {
            return false;
        }
        IllegalStateException split = new IllegalStateException("after a lost commit, " + ours + " of " + keys.length
                + " postings of the batch are present with its ids and " + found.size() + " keys exist at all");
        split.addSuppressed(commitFailed);
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
