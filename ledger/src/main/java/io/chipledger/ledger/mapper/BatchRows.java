package io.chipledger.ledger.mapper;

import java.time.OffsetDateTime;

/** Everything one batch writes, column by column, for {@link TransferMapper#writeBatchAndCommit}. */
public record BatchRows(PostingRows postings, TransferRows transfers, EntryRows entries, BalanceRows balances,
                        FenceRows fences, OffsetDateTime createdAt) {
}
