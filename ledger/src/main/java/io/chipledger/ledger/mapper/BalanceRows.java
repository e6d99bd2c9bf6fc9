package io.chipledger.ledger.mapper;

import io.chipledger.ledger.money.Money;

/** The new balance and version of every account a batch touched. */
public record BalanceRows(Long[] accountIds, Money[] balances, Long[] versions) {
}
