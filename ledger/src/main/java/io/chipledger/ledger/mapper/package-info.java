/**
 * MyBatis mappers, each interface beside its XML of the same name under {@code resources}. Only {@code #{}}
 * parameters; whole columns travel as arrays and are expanded by {@code unnest}, so a batch of any size is written
 * by one statement. Money goes through {@link io.chipledger.ledger.mapper.MoneyTypeHandler}, never a double.
 */
package io.chipledger.ledger.mapper;
