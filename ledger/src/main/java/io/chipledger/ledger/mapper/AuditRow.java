package io.chipledger.ledger.mapper;

/** One violation found by an audit query: what it is about, and what is wrong with it. */
public record AuditRow(String subject, String detail) {
}
