package io.chipledger.ledger.mapper;

/** How much the audit looked at. */
public record AuditTotals(long accounts, long postings, long transfers, long entries) {
}
