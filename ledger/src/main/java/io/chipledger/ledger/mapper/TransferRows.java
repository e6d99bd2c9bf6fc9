package io.chipledger.ledger.mapper;

import io.chipledger.money.Money;

/** Transfer rows as columns, one array element per row. */
public record TransferRows(Long[] ids, Long[] postingIds, Integer[] legIndexes, String[] kinds, Long[] fromAccountIds,
                           Long[] toAccountIds, Money[] amounts) {
}
