/**
 * Money and its exact division. {@link io.chipledger.ledger.money.Money} is a {@code BigDecimal} at scale 2 and
 * refuses anything finer than a cent. Every division ({@link io.chipledger.ledger.money.PotSplitter},
 * {@link io.chipledger.ledger.money.RakeRule}) returns all of its parts, which always add up to the whole.
 */
package io.chipledger.ledger.money;
