package io.chipledger.ledger.mapper;

import io.chipledger.money.Money;

/** Entry rows as columns, one array element per row. */
public record EntryRows(Long[] accountIds, Long[] versions, Long[] transferIds, Money[] amounts,
                        Money[] balancesBefore, Money[] balancesAfter) {
}
