package io.chipledger.ledger.mapper;

import io.chipledger.money.Money;

/** Per currency: the sum of all balances (zero when chips are conserved) and the chips in play (minus the cashier). */
public record CurrencyTotal(String currency, Money sumOfBalances, Money chipsInPlay) {
}
