package io.chipledger.ledger;

import io.chipledger.money.Money;

/**
 * An account as last committed: its balance and version (the number of entries it has, one per transfer leg that
 * touched it).
 */
public record Account(long id, AccountKind kind, String ownerRef, String currency, Money balance, long version) {
}
