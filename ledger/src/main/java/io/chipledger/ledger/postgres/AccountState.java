package io.chipledger.ledger.postgres;

import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.mapper.LockedAccount;
import io.chipledger.ledger.money.Money;

/**
 * An account's balance and version as the batch being applied has left it so far, beside the balance and version the
 * batch read: the write only takes effect if the database still holds those (a compare-and-swap).
 */
final class AccountState {

    final long id;
    final AccountKind kind;
    final String currency;
    final boolean allowNegative;
    final Money readBalance;
    final long readVersion;
    Money balance;
    long version;

    AccountState(LockedAccount row) {
        this.id = row.id();
        this.kind = row.kind();
        this.currency = row.currency();
        this.allowNegative = row.allowNegative();
        this.readBalance = row.balance();
        this.readVersion = row.version();
        this.balance = row.balance();
        this.version = row.version();
    }

    /** The account as it stands once the batch has committed. */
    LockedAccount afterBatch() {
        return new LockedAccount(id, kind, currency, balance, version, allowNegative);
    }
}
