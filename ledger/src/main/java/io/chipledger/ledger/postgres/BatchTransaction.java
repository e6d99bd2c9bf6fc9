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
 * One attempt at committing a batch, in two round trips whatever its size: lock the batch's accounts in id order and
 * look its keys up; apply in memory; write every row with one statement and commit in the same round trip. A commit
 * whose outcome is unknown (the connection died before the server's answer arrived) is resolved by looking the keys up
 * again, never by applying twice. One per writer thread, which owns its {@link IdReserve}.
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
        try (SqlSession session = sessions.openSession(false)) {
            try {
                return attempt(batch, session);
            } catch (RuntimeException failed) {
                try {
                    session.rollback(true);
                } catch (RuntimeException alsoFailed) {
                    failed.addSuppressed(alsoFailed);
                }
                throw failed;
            }
        }
    }

    private List<PostingResult> attempt(List<Pending> batch, SqlSession session) {
        TransferMapper mapper = session.getMapper(TransferMapper.class);
        BatchSnapshot snapshot = BatchSnapshot.of(mapper.lockAccountsAndFindPostings(accountsOf(batch), keysOf(batch)));
        JournalBatch journal = BatchApplier.apply(batch, byKey(snapshot.stored()), snapshot.accounts());
        if (!journal.hasWrites()) {
            session.commit(true);
            return journal.results(null);
        }
        IdBlock taken = ids.take(journal.accepted.size(), journal.legCount(), mapper);
        try {
            // Fails, and does not commit, if any touched account was not updated.
            mapper.writeBatchAndCommit(journal.rows(taken, OffsetDateTime.now(clock)));
        } catch (RuntimeException writeFailed) {
            if (!Failures.outcomeUnknown(writeFailed)) {
                throw writeFailed;
            }
            return committedAfterAll(journal, taken, writeFailed) ? journal.results(taken) : null;
        }
        session.commit(true); // the server committed already; this settles the driver's and the pool's view of it
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
