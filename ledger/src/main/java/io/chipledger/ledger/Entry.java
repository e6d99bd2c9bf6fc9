package io.chipledger.ledger;

import io.chipledger.money.Money;

/** One side of a transfer as seen by one account: the link from version - 1 to {@code version}. */
public record Entry(long accountId, long version, long transferId, Money amount, Money balanceBefore,
                    Money balanceAfter) {
}
