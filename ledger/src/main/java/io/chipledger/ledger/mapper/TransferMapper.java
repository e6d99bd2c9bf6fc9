package io.chipledger.ledger.mapper;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/**
 * The group-commit writer's statements. Each works on a whole batch at once: keys looked up in one query, accounts
 * locked in one {@code SELECT ... FOR UPDATE} in id order, rows written with one multi-row insert per table.
 */
public interface TransferMapper {

    /** Postings already committed under any of these keys, with their transfer ids in leg order. */
    List<StoredPosting> findPostings(@Param("keys") String[] keys);

    /** Locks the accounts in id order (so two batches never deadlock) and returns them; unknown ids are absent. */
    List<LockedAccount> lockAccounts(@Param("ids") Long[] ids);

    IdBlock allocateIds(@Param("postings") int postings, @Param("transfers") int transfers);

    int insertPostings(PostingRows rows);

    int insertTransfers(TransferRows rows);

    int insertEntries(EntryRows rows);

    int updateBalances(BalanceRows rows);
}
