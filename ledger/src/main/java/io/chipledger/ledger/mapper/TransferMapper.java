package io.chipledger.ledger.mapper;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/**
 * The group-commit writer's statements. Each works on a whole batch at once, so a batch costs one round trip whatever
 * its size when the writers remember its accounts (the journal written and committed), and two when they do not
 * (accounts locked and keys looked up first).
 */
public interface TransferMapper {

    /** Postings already committed under any of these keys, with their transfer ids in leg order. */
    List<StoredPosting> findPostings(@Param("keys") String[] keys);

    /**
     * Reads the leases the batch's fences name FOR SHARE, locks the accounts in id order (so two batches never
     * deadlock) and then looks the keys up, in one round trip. The result has three lists: the leases as they stand
     * (as {@link io.chipledger.ledger.Fence}s; unknown names are absent), the {@link LockedAccount}s found (unknown
     * ids are absent), then the {@link StoredPosting}s already committed under the keys. Read them with
     * {@link BatchSnapshot#of}.
     */
    List<List<Object>> lockAccountsAndFindPostings(@Param("fenceNames") String[] fenceNames,
                                                   @Param("accountIds") Long[] accountIds, @Param("keys") String[] keys);

    /** Fresh ids from the posting and transfer sequences, for a writer to hand out to later batches. */
    IdBlock reserveIds(@Param("postings") int postings, @Param("transfers") int transfers);

    /**
     * Inserts the batch's postings, transfers and entries, updates its accounts and commits, in one round trip; returns
     * the number of accounts updated. Writes nothing and throws when an account moved since it was read or a fence no
     * longer stands. When it throws, the server skipped the COMMIT unless the connection broke.
     */
    long writeBatchAndCommit(BatchRows rows);
}
