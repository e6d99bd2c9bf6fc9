package io.chipledger.ledger.postgres;

import io.chipledger.money.Money;

/** An entry computed in memory, waiting for its transfer id: leg {@code legIndex} of accepted posting {@code ordinal}. */
record EntryDraft(long accountId, long version, int ordinal, int legIndex, Money amount, Money balanceBefore,
                  Money balanceAfter) {
}
