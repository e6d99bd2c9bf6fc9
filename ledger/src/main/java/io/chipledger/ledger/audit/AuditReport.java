package io.chipledger.ledger.audit;

import io.chipledger.ledger.mapper.AuditTotals;
import io.chipledger.ledger.mapper.CurrencyTotal;

import java.util.List;

/** What the audit looked at and every violation it found; {@link #clean()} when there is none. */
public record AuditReport(AuditTotals totals, List<CurrencyTotal> currencies, List<Finding> findings) {

    public AuditReport {
        currencies = List.copyOf(currencies);
        findings = List.copyOf(findings);
    }

    public boolean clean() {
        return findings.isEmpty();
    }

    public List<Finding> findingsOf(FindingKind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    /** A few lines for a terminal: totals, chips in play per currency, then each finding. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("ledger audit: %d accounts, %d postings, %d transfers, %d entries%n",
                totals.accounts(), totals.postings(), totals.transfers(), totals.entries()));
        for (CurrencyTotal currency : currencies) {
            text.append(String.format("  %s: %s chips in play, balances sum to %s%n", currency.currency(),
                    currency.chipsInPlay() == null ? "0.00" : currency.chipsInPlay(), currency.sumOfBalances()));
        }
        if (clean()) {
            text.append("OK: no violations\n");
        } else {
            text.append(String.format("FAILED: %d violation(s)%n", findings.size()));
            findings.forEach(f -> text.append("  ").append(f).append('\n'));
        }
        return text.toString();
    }
}
