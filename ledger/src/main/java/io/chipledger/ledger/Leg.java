package io.chipledger.ledger;

import io.chipledger.money.Money;

import java.util.Objects;

/**
 * One movement of chips inside a posting: {@code amount} leaves {@code fromAccountId} and arrives at
 * {@code toAccountId}. Whether the amount is positive and the accounts distinct is checked by the ledger, which
 * rejects the whole posting with a reason rather than throwing.
 */
public record Leg(long fromAccountId, long toAccountId, Money amount, TransferKind kind) {

    public Leg {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(kind, "kind");
    }
}
