package io.chipledger.ledger.mapper;

import io.chipledger.ledger.AccountKind;
import io.chipledger.money.Money;

/**
 * An account as a batch applies postings to it: its row locked for the batch, or its state as the writers remember
 * it.
 */
public record LockedAccount(long id, AccountKind kind, String currency, Money balance, long version,
                            boolean allowNegative) {
}
