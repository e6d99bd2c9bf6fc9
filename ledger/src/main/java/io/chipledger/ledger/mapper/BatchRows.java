package io.chipledger.ledger.mapper;

import java.time.OffsetDateTime;

/** Everything one batch writes, column by column, for {@link TransferMapper#writeBatch}. */
public record BatchRows(PostingRows postings, TransferRows transfers, EntryRows entries, BalanceRows balances,
                        OffsetDateTime createdAt) {
}
