package io.chipledger.ledger.mapper;

import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.money.Money;

/** An account row locked for the current batch. */
public record LockedAccount(long id, AccountKind kind, String currency, Money balance, long version,
                            boolean allowNegative) {
}
