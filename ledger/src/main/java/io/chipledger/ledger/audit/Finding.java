package io.chipledger.ledger.audit;

/** One violation: which invariant, about what (e.g. {@code "account 17"}), and what the audit saw. */
public record Finding(FindingKind kind, String subject, String detail) {

    @Override
    public String toString() {
        return kind + " " + subject + ": " + detail;
    }
}
