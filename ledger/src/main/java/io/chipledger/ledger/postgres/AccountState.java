package io.chipledger.ledger.postgres;

import io.chipledger.ledger.mapper.LockedAccount;
import io.chipledger.ledger.money.Money;

/** A locked account's balance and version as the batch being applied has left it so far. */
final class AccountState {

    final long id;
    final String currency;
    final boolean allowNegative;
    Money balance;
    long version;

    AccountState(LockedAccount row) {
        this.id = row.id();
        this.currency = row.currency();
        this.allowNegative = row.allowNegative();
        this.balance = row.balance();
        this.version = row.version();
    }
}
