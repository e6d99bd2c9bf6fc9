package io.chipledger.ledger.postgres;

import io.chipledger.ledger.mapper.IdBlock;
import io.chipledger.ledger.mapper.TransferMapper;

import java.util.Arrays;

/**
 * Posting and transfer ids one writer took from the sequences ahead of need, so a batch does not spend a round trip
 * on them. Ids are handed out in the order the sequences gave them and never twice, even when the batch that took them
 * failed: an unknown commit may have used them. Not thread-safe: one per writer thread.
 */
final class IdReserve {

    static final int BLOCK = 1000;

    private final int block;
    private long[] postingIds = new long[0];
    private int nextPosting;
    private long[] transferIds = new long[0];
    private int nextTransfer;

    IdReserve(int block) {
        if (block < 1) {
            throw new IllegalArgumentException("an id block holds at least one id");
        }
        this.block = block;
    }

    /** The next {@code postings} posting ids and {@code transfers} transfer ids, reserving more first if need be. */
    IdBlock take(int postings, int transfers, TransferMapper mapper) {
        if (postingIds.length - nextPosting < postings || transferIds.length - nextTransfer < transfers) {
            IdBlock fresh = mapper.reserveIds(Math.max(block, postings), Math.max(block, transfers));
            postingIds = append(postingIds, nextPosting, fresh.postingIds());
            nextPosting = 0;
            transferIds = append(transferIds, nextTransfer, fresh.transferIds());
            nextTransfer = 0;
        }
        Long[] p = new Long[postings];
        for (int i = 0; i < postings; i++) {
            p[i] = postingIds[nextPosting++];
        }
        Long[] t = new Long[transfers];
        for (int i = 0; i < transfers; i++) {
            t[i] = transferIds[nextTransfer++];
        }
        return new IdBlock(p, t);
    }

    private static long[] append(long[] ids, int next, Long[] fresh) {
        long[] joined = Arrays.copyOf(Arrays.copyOfRange(ids, next, ids.length), ids.length - next + fresh.length);
        for (int i = 0; i < fresh.length; i++) {
            joined[ids.length - next + i] = fresh[i];
        }
        return joined;
    }
}
