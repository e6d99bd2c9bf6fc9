package io.chipledger.ledger.mapper;

import io.chipledger.money.Money;

/**
 * The new balance and version of every account a batch touched, and the balance and version the batch read: an
 * account is only updated if it still holds what was read.
 */
public record BalanceRows(Long[] accountIds, Money[] balances, Long[] versions, Money[] readBalances,
                          Long[] readVersions) {
}
