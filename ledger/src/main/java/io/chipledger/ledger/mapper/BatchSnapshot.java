package io.chipledger.ledger.mapper;

import io.chipledger.ledger.Fence;

import java.util.List;

/**
 * What a batch read under its locks: the leases its postings' fences name, as they stand now (read FOR SHARE), the
 * accounts it locked, and the postings already committed under its keys.
 */
public record BatchSnapshot(List<Fence> leases, List<LockedAccount> accounts, List<StoredPosting> stored) {

    public BatchSnapshot {
        leases = List.copyOf(leases);
        accounts = List.copyOf(accounts);
        stored = List.copyOf(stored);
    }

    /** Splits the three result sets of {@link TransferMapper#lockAccountsAndFindPostings}. */
    public static BatchSnapshot of(List<List<Object>> resultSets) {
        if (resultSets.size() != 3) {
            throw new IllegalStateException("expected leases, locked accounts and stored postings, got "
                    + resultSets.size() + " result sets");
        }
        return new BatchSnapshot(resultSets.get(0).stream().map(Fence.class::cast).toList(),
                resultSets.get(1).stream().map(LockedAccount.class::cast).toList(),
                resultSets.get(2).stream().map(StoredPosting.class::cast).toList());
    }
}
