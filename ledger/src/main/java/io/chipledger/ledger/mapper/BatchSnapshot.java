package io.chipledger.ledger.mapper;

import java.util.List;

/** What a batch read under its locks: the accounts it locked and the postings already committed under its keys. */
public record BatchSnapshot(List<LockedAccount> accounts, List<StoredPosting> stored) {

    public BatchSnapshot {
        accounts = List.copyOf(accounts);
        stored = List.copyOf(stored);
    }

    /** Splits the two result sets of {@link TransferMapper#lockAccountsAndFindPostings}. */
    public static BatchSnapshot of(List<List<Object>> resultSets) {
        if (resultSets.size() != 2) {
            throw new IllegalStateException("expected locked accounts and stored postings, got " + resultSets.size()
                    + " result sets");
        }
        return new BatchSnapshot(resultSets.get(0).stream().map(LockedAccount.class::cast).toList(),
                resultSets.get(1).stream().map(StoredPosting.class::cast).toList());
    }
}
