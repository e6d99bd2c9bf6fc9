/**
 * Money and its exact division. {@link io.chipledger.money.Money} is a {@code BigDecimal} at scale 2 and
 * refuses anything finer than a cent. Every division ({@link io.chipledger.money.PotSplitter},
 * {@link io.chipledger.money.ProportionalSplitter}, {@link io.chipledger.money.RakeRule}) returns all of its parts, which always add up to the whole.
 * {@link io.chipledger.money.MoneyJson} is its one JSON form. A module of its own so the wire messages and the rules
 * engine can share exact cents without depending on the ledger's database stack.
 */
package io.chipledger.money;
