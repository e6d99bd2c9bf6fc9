package io.chipledger.ledger.postgres;

import io.chipledger.ledger.Fence;
import io.chipledger.ledger.Leg;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.PostingResult.Rejected;
import io.chipledger.ledger.RejectReason;
import io.chipledger.ledger.mapper.LockedAccount;
import io.chipledger.ledger.mapper.StoredPosting;
import io.chipledger.money.Money;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a batch of postings one by one, in memory, to the accounts the batch has locked. Each posting succeeds or
 * fails alone (a fence that no longer stands, a replay, a conflict, missing funds) without touching the others; the
 * result is the journal rows to write for the survivors. Pure: no database, no clock, so it is tested directly.
 */
final class BatchApplier {

    private final Map<String, StoredPosting> stored;
    private final Map<String, Long> leases;
    private final Map<Long, AccountState> accounts = new HashMap<>();
    private final JournalBatch journal;
    private final Map<String, Integer> acceptedByKey = new HashMap<>();

    private BatchApplier(List<Pending> batch, Map<String, StoredPosting> stored, List<LockedAccount> locked,
                         Map<String, Long> leases) {
        this.stored = stored;
        this.leases = leases;
        locked.forEach(row -> accounts.put(row.id(), new AccountState(row)));
        this.journal = new JournalBatch(batch.size());
    }

    /**
     * @param stored postings already committed under the batch's keys, by key
     * @param locked the batch's accounts, locked for update; ids missing here do not exist
     * @param leases the epoch each lease the batch's fences name stands at, read FOR SHARE (names missing here do
     *               not exist); or null when the fences are not judged here because the write itself checks them
     */
    static JournalBatch apply(List<Pending> batch, Map<String, StoredPosting> stored, List<LockedAccount> locked,
                              Map<String, Long> leases) {
        BatchApplier applier = new BatchApplier(batch, stored, locked, leases);
        for (int i = 0; i < batch.size(); i++) {
            applier.applyOne(i, batch.get(i));
        }
        return applier.journal;
    }

    private void applyOne(int index, Pending pending) {
        Rejected fenced = fenced(pending.posting());
        if (fenced != null) {
            // Before the replay check: a maker that lost its lease learns nothing more from the ledger, not even
            // what it did before; the new holder asks under its own epoch.
            journal.reject(index, fenced);
            return;
        }
        String key = pending.key();
        Integer earlier = acceptedByKey.get(key);
        if (earlier != null) {
            if (journal.accepted.get(earlier).contentHash().equals(pending.contentHash())) {
                journal.replayOfAccepted(index, earlier);
            } else {
                journal.reject(index, conflict(key));
            }
            return;
        }
        StoredPosting committed = stored.get(key);
        if (committed != null) {
            journal.settle(index, committed.contentHash().equals(pending.contentHash())
                    ? new PostingResult.Replayed(committed.id(), Arrays.asList(committed.transferIds()))
                    : conflict(key));
            return;
        }
        Rejected refusal = tryApply(pending);
        if (refusal != null) {
            journal.reject(index, refusal);
        } else {
            acceptedByKey.put(key, journal.accepted.size() - 1);
            journal.accept(index);
        }
    }

    private Rejected fenced(Posting posting) {
        Fence fence = posting.fence();
        if (fence == null || leases == null) {
            return null;
        }
        Long standing = leases.get(fence.name());
        if (standing != null && standing == fence.epoch()) {
            return null;
        }
        return new Rejected(RejectReason.FENCED, "posting " + posting.idempotencyKey() + " was made under lease "
                + fence + ", which " + (standing == null ? "does not exist" : "now stands at epoch " + standing)
                + "; nothing was moved");
    }

    /** Applies every leg to a scratch copy of the balances; keeps them only if no leg breaks a rule. */
    private Rejected tryApply(Pending pending) {
        Posting posting = pending.posting();
        for (int i = 0; i < posting.legs().size(); i++) {
            Leg leg = posting.legs().get(i);
            AccountState from = accounts.get(leg.fromAccountId());
            AccountState to = accounts.get(leg.toAccountId());
            if (from == null || to == null) {
                long missing = from == null ? leg.fromAccountId() : leg.toAccountId();
                return new Rejected(RejectReason.UNKNOWN_ACCOUNT,
                        "posting " + posting.idempotencyKey() + " leg " + i + ": account " + missing + " does not exist");
            }
            if (!from.currency.equals(to.currency)) {
                return new Rejected(RejectReason.CURRENCY_MISMATCH, "posting " + posting.idempotencyKey() + " leg " + i
                        + " moves from a " + from.currency + " account to a " + to.currency + " account");
            }
        }
        Map<Long, Money> balances = new HashMap<>();
        Map<Long, Long> versions = new HashMap<>();
        int ordinal = journal.accepted.size();
        List<EntryDraft> entries = new ArrayList<>(posting.legs().size() * 2);
        for (int i = 0; i < posting.legs().size(); i++) {
            Leg leg = posting.legs().get(i);
            AccountState from = accounts.get(leg.fromAccountId());
            Money fromBefore = balances.getOrDefault(from.id, from.balance);
            Money fromAfter = fromBefore.minus(leg.amount());
            if (fromAfter.isNegative() && !from.allowNegative) {
                return new Rejected(RejectReason.INSUFFICIENT_FUNDS, "posting " + posting.idempotencyKey() + " leg " + i
                        + " moves " + leg.amount() + " from account " + from.id + ", which holds only " + fromBefore);
            }
            entries.add(link(from.id, balances, versions, from.version, ordinal, i, leg.amount().negate(), fromBefore));
            AccountState to = accounts.get(leg.toAccountId());
            Money toBefore = balances.getOrDefault(to.id, to.balance);
            entries.add(link(to.id, balances, versions, to.version, ordinal, i, leg.amount(), toBefore));
        }
        balances.forEach((id, balance) -> {
            AccountState state = accounts.get(id);
            state.balance = balance;
            state.version = versions.get(id);
            journal.touched.put(id, state);
        });
        journal.entries.addAll(entries);
        journal.accepted.add(pending);
        return null;
    }

    private static EntryDraft link(long accountId, Map<Long, Money> balances, Map<Long, Long> versions,
                                   long committedVersion, int ordinal, int leg, Money amount, Money before) {
        long version = versions.getOrDefault(accountId, committedVersion) + 1;
        Money after = before.plus(amount);
        balances.put(accountId, after);
        versions.put(accountId, version);
        return new EntryDraft(accountId, version, ordinal, leg, amount, before, after);
    }

    private static Rejected conflict(String key) {
        return new Rejected(RejectReason.IDEMPOTENCY_CONFLICT, "idempotency key " + key
                + " was already used for a posting with different content; nothing was moved");
    }
}
