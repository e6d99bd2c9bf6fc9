package io.chipledger.ledger.audit;

import io.chipledger.ledger.mapper.AuditMapper;
import io.chipledger.ledger.mapper.AuditRow;
import io.chipledger.ledger.mapper.CurrencyTotal;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Re-derives the ledger's invariants from the journal and reports every violation. It trusts no constraint or trigger
 * (a superuser can disable them) and is what stands behind the lean hot path. Runs in one repeatable-read snapshot so
 * concurrent postings never show up half-written.
 */
public final class LedgerAuditor {

    private final SqlSessionFactory sessions;

    public LedgerAuditor(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    public AuditReport audit() {
        try (SqlSession session = sessions.openSession(org.apache.ibatis.session.TransactionIsolationLevel.REPEATABLE_READ)) {
            AuditMapper mapper = session.getMapper(AuditMapper.class);
            List<Finding> findings = new ArrayList<>();
            List<CurrencyTotal> currencies = mapper.currencyTotals();
            for (CurrencyTotal currency : currencies) {
                if (!currency.sumOfBalances().isZero()) {
                    findings.add(new Finding(FindingKind.NOT_CONSERVED, "currency " + currency.currency(),
                            "balances sum to " + currency.sumOfBalances() + " instead of 0"));
                }
            }
            check(findings, FindingKind.BALANCE_NOT_DERIVED, mapper, AuditMapper::balancesNotDerivedFromEntries);
            check(findings, FindingKind.BROKEN_CHAIN, mapper, AuditMapper::brokenVersionChains);
            check(findings, FindingKind.STALE_ACCOUNT, mapper, AuditMapper::accountsNotMatchingLastEntry);
            check(findings, FindingKind.NEGATIVE_BALANCE, mapper, AuditMapper::negativeBalances);
            check(findings, FindingKind.UNBALANCED_TRANSFER, mapper, AuditMapper::unbalancedTransfers);
            check(findings, FindingKind.ORPHAN, mapper, AuditMapper::orphanEntries);
            check(findings, FindingKind.WRONG_LEG_COUNT, mapper, AuditMapper::postingsWithWrongLegs);
            check(findings, FindingKind.CURRENCY_MIXED, mapper, AuditMapper::transfersAcrossCurrencies);
            check(findings, FindingKind.DUPLICATE_KEY, mapper, AuditMapper::duplicateIdempotencyKeys);
            AuditReport report = new AuditReport(mapper.totals(), currencies, findings);
            session.rollback(true);
            return report;
        }
    }

    private static void check(List<Finding> findings, FindingKind kind, AuditMapper mapper,
                              Function<AuditMapper, List<AuditRow>> query) {
        for (AuditRow row : query.apply(mapper)) {
            findings.add(new Finding(kind, row.subject(), row.detail()));
        }
    }

}
