package io.chipledger.ledger.postgres;

import io.chipledger.ledger.mapper.LockedAccount;
import io.chipledger.money.Money;

/**
 * An account's balance and version as the batch being applied has left it so far, beside the row the batch read: the
 * write only takes effect if the database still holds that row's balance and version (a compare-and-swap).
 */
final class AccountState {

    final LockedAccount read;
    final long id;
    final String currency;
    final boolean allowNegative;
    Money balance;
    long version;

    AccountState(LockedAccount row) {
        this.read = row;
        this.id = row.id();
        this.currency = row.currency();
        this.allowNegative = row.allowNegative();
        this.balance = row.balance();
        this.version = row.version();
    }

    /** The account as it stands once the batch has committed. */
    LockedAccount afterBatch() {
        return new LockedAccount(id, read.kind(), currency, balance, version, allowNegative);
    }
}
