package io.chipledger.ledger;

import io.chipledger.money.Money;

/** A committed leg of a posting, as stored in the journal. */
public record Transfer(long id, long postingId, int legIndex, TransferKind kind, long fromAccountId, long toAccountId,
                       Money amount) {
}
