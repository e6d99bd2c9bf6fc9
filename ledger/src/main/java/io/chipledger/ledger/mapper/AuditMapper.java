package io.chipledger.ledger.mapper;

import java.util.List;

/** Set-based checks of the whole ledger; each returns one row per violation. */
public interface AuditMapper {

    AuditTotals totals();

    List<CurrencyTotal> currencyTotals();

    List<AuditRow> balancesNotDerivedFromEntries();

    List<AuditRow> brokenVersionChains();

    List<AuditRow> accountsNotMatchingLastEntry();

    List<AuditRow> negativeBalances();

    List<AuditRow> unbalancedTransfers();

    List<AuditRow> orphanEntries();

    List<AuditRow> postingsWithWrongLegs();

    List<AuditRow> transfersAcrossCurrencies();

    List<AuditRow> duplicateIdempotencyKeys();
}
