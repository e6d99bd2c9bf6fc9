package io.chipledger.ledger.postgres;

import io.chipledger.ledger.Fence;
import io.chipledger.ledger.Leg;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.mapper.BalanceRows;
import io.chipledger.ledger.mapper.BatchRows;
import io.chipledger.ledger.mapper.EntryRows;
import io.chipledger.ledger.mapper.FenceRows;
import io.chipledger.ledger.mapper.IdBlock;
import io.chipledger.ledger.mapper.PostingRows;
import io.chipledger.ledger.mapper.TransferRows;
import io.chipledger.money.Money;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one batch will write: the accepted postings, their entries and the final state of every account they touched;
 * and, per queued posting, its outcome (settled now, or waiting for the ids the commit assigns).
 */
final class JournalBatch {

    final List<Pending> accepted = new ArrayList<>();
    final List<EntryDraft> entries = new ArrayList<>();
    final Map<Long, AccountState> touched = new TreeMap<>();
    private final PostingResult[] settled;
    /** For an accepted posting or an in-batch replay of one: its ordinal in {@link #accepted}; else -1. */
    private final int[] ordinals;
    private final boolean[] replays;

    JournalBatch(int size) {
        settled = new PostingResult[size];
        ordinals = new int[size];
        replays = new boolean[size];
        Arrays.fill(ordinals, -1);
    }

    void settle(int index, PostingResult result) {
        settled[index] = result;
    }

    void reject(int index, PostingResult.Rejected rejected) {
        settled[index] = rejected;
    }

    void accept(int index) {
        ordinals[index] = accepted.size() - 1;
    }

    void replayOfAccepted(int index, int ordinal) {
        ordinals[index] = ordinal;
        replays[index] = true;
    }

    boolean hasWrites() {
        return !accepted.isEmpty();
    }

    int legCount() {
        return accepted.stream().mapToInt(p -> p.posting().legs().size()).sum();
    }

    String[] acceptedKeys() {
        return accepted.stream().map(Pending::key).toArray(String[]::new);
    }

    /** The rows to write, with the ids taken for the accepted postings and their legs. */
    BatchRows rows(IdBlock ids, OffsetDateTime now) {
        return new BatchRows(postingRows(ids), transferRows(ids), entryRows(ids), balanceRows(), fenceRows(), now);
    }

    /** The distinct fences the accepted postings carry: the write checks each still stands. */
    private FenceRows fenceRows() {
        Set<Fence> fences = new LinkedHashSet<>();
        for (Pending pending : accepted) {
            if (pending.posting().fence() != null) {
                fences.add(pending.posting().fence());
            }
        }
        return new FenceRows(fences.stream().map(Fence::name).toArray(String[]::new),
                fences.stream().map(Fence::epoch).toArray(Long[]::new));
    }

    private PostingRows postingRows(IdBlock ids) {
        int n = accepted.size();
        String[] keys = new String[n];
        String[] kinds = new String[n];
        String[] tables = new String[n];
        String[] hands = new String[n];
        String[] actions = new String[n];
        String[] hashes = new String[n];
        Integer[] legCounts = new Integer[n];
        String[] fenceNames = new String[n];
        Long[] fenceEpochs = new Long[n];
        for (int i = 0; i < n; i++) {
            Posting p = accepted.get(i).posting();
            keys[i] = p.idempotencyKey();
            kinds[i] = p.kind().name();
            tables[i] = p.tableRef();
            hands[i] = p.handRef();
            actions[i] = p.actionRef();
            hashes[i] = accepted.get(i).contentHash();
            legCounts[i] = p.legs().size();
            if (p.fence() != null) {
                fenceNames[i] = p.fence().name();
                fenceEpochs[i] = p.fence().epoch();
            }
        }
        return new PostingRows(ids.postingIds(), keys, kinds, tables, hands, actions, hashes, legCounts, fenceNames,
                fenceEpochs);
    }

    private TransferRows transferRows(IdBlock ids) {
        int n = ids.transferIds().length;
        Long[] postingIds = new Long[n];
        Integer[] legIndexes = new Integer[n];
        String[] kinds = new String[n];
        Long[] from = new Long[n];
        Long[] to = new Long[n];
        Money[] amounts = new Money[n];
        int row = 0;
        for (int ordinal = 0; ordinal < accepted.size(); ordinal++) {
            List<Leg> legs = accepted.get(ordinal).posting().legs();
            for (int leg = 0; leg < legs.size(); leg++, row++) {
                postingIds[row] = ids.postingIds()[ordinal];
                legIndexes[row] = leg;
                kinds[row] = legs.get(leg).kind().name();
                from[row] = legs.get(leg).fromAccountId();
                to[row] = legs.get(leg).toAccountId();
                amounts[row] = legs.get(leg).amount();
            }
        }
        return new TransferRows(ids.transferIds(), postingIds, legIndexes, kinds, from, to, amounts);
    }

    private EntryRows entryRows(IdBlock ids) {
        int[] firstTransfer = firstTransferIndexes();
        int n = entries.size();
        Long[] accounts = new Long[n];
        Long[] versions = new Long[n];
        Long[] transfers = new Long[n];
        Money[] amounts = new Money[n];
        Money[] before = new Money[n];
        Money[] after = new Money[n];
        for (int i = 0; i < n; i++) {
            EntryDraft e = entries.get(i);
            accounts[i] = e.accountId();
            versions[i] = e.version();
            transfers[i] = ids.transferIds()[firstTransfer[e.ordinal()] + e.legIndex()];
            amounts[i] = e.amount();
            before[i] = e.balanceBefore();
            after[i] = e.balanceAfter();
        }
        return new EntryRows(accounts, versions, transfers, amounts, before, after);
    }

    private BalanceRows balanceRows() {
        int n = touched.size();
        Long[] ids = new Long[n];
        Money[] balances = new Money[n];
        Long[] versions = new Long[n];
        Money[] readBalances = new Money[n];
        Long[] readVersions = new Long[n];
        int i = 0;
        for (AccountState state : touched.values()) {
            ids[i] = state.id;
            balances[i] = state.balance;
            versions[i] = state.version;
            readBalances[i] = state.read.balance();
            readVersions[i] = state.read.version();
            i++;
        }
        return new BalanceRows(ids, balances, versions, readBalances, readVersions);
    }

    /** Every queued posting's outcome, in queue order; {@code ids} may be null when nothing was accepted. */
    List<PostingResult> results(IdBlock ids) {
        int[] firstTransfer = firstTransferIndexes();
        List<PostingResult> results = new ArrayList<>(settled.length);
        for (int i = 0; i < settled.length; i++) {
            if (settled[i] != null) {
                results.add(settled[i]);
                continue;
            }
            int ordinal = ordinals[i];
            int legs = accepted.get(ordinal).posting().legs().size();
            List<Long> transferIds = Arrays.asList(ids.transferIds())
                    .subList(firstTransfer[ordinal], firstTransfer[ordinal] + legs);
            long postingId = ids.postingIds()[ordinal];
            results.add(replays[i] ? new PostingResult.Replayed(postingId, transferIds)
                    : new PostingResult.Committed(postingId, transferIds));
        }
        return results;
    }

    private int[] firstTransferIndexes() {
        int[] first = new int[accepted.size()];
        int next = 0;
        for (int i = 0; i < accepted.size(); i++) {
            first[i] = next;
            next += accepted.get(i).posting().legs().size();
        }
        return first;
    }
}
