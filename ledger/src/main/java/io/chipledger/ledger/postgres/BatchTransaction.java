package io.chipledger.ledger.postgres;

import io.chipledger.ledger.PostingResult;
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
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One attempt at committing a batch: look the keys up, lock the accounts of the new postings in id order, apply in
 * memory, write the survivors with one statement per table, commit once. A commit whose outcome is unknown (the
 * connection died during COMMIT) is resolved by looking the keys up again, never by applying twice.
 */
final class BatchTransaction {

    private final SqlSessionFactory sessions;
    private final Clock clock;

    BatchTransaction(SqlSessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The outcome of one attempt: results in queue order, or null when the commit outcome was resolved as "not committed". */
    List<PostingResult> attempt(List<Pending> batch) {
        JournalBatch journal;
        IdBlock ids = null;
        try (SqlSession session = sessions.openSession(false)) {
            TransferMapper mapper = session.getMapper(TransferMapper.class);
            Map<String, StoredPosting> stored = storedByKey(mapper,
                    batch.stream().map(Pending::key).distinct().toArray(String[]::new));
            List<LockedAccount> locked = mapper.lockAccounts(accountsOfNewPostings(batch, stored));
            journal = BatchApplier.apply(batch, stored, locked);
            if (journal.hasWrites()) {
                ids = mapper.allocateIds(journal.accepted.size(), journal.legCount());
                OffsetDateTime now = OffsetDateTime.now(clock);
                mapper.insertPostings(journal.postingRows(ids, now));
                mapper.insertTransfers(journal.transferRows(ids, now));
                mapper.insertEntries(journal.entryRows(ids, now));
                int updated = mapper.updateBalances(journal.balanceRows());
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
                return committedAfterAll(journal, ids, commitFailed) ? journal.results(ids) : null;
            }
        }
        return journal.results(ids);
    }

    /** After a lost COMMIT: our postings are either all in the database with our ids, or none is. */
    private boolean committedAfterAll(JournalBatch journal, IdBlock ids, RuntimeException commitFailed) {
        String[] keys = journal.acceptedKeys();
        Map<String, StoredPosting> found;
        try (SqlSession session = sessions.openSession(true)) {
            found = storedByKey(session.getMapper(TransferMapper.class), keys);
        }
        long ours = Arrays.stream(keys).filter(k -> found.containsKey(k)
                && Arrays.asList(ids.postingIds()).contains(found.get(k).id())).count();
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

    private static Map<String, StoredPosting> storedByKey(TransferMapper mapper, String[] keys) {
        Map<String, StoredPosting> stored = new HashMap<>();
        for (StoredPosting posting : mapper.findPostings(keys)) {
            stored.put(posting.idempotencyKey(), posting);
        }
        return stored;
    }

    private static Long[] accountsOfNewPostings(List<Pending> batch, Map<String, StoredPosting> stored) {
        TreeSet<Long> ids = new TreeSet<>();
        for (Pending pending : batch) {
            if (!stored.containsKey(pending.key())) {
                pending.posting().legs().forEach(leg -> {
                    ids.add(leg.fromAccountId());
                    ids.add(leg.toAccountId());
                });
            }
        }
        return ids.toArray(Long[]::new);
    }
}
