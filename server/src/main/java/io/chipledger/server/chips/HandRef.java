package io.chipledger.server.chips;

/** A hand as the ledger's postings name it ({@code "h42"}): every chip movement of the hand carries it. */
public record HandRef(long handId) {

    public String text() {
        return "h" + handId;
    }

    @Override
    public String toString() {
        return text();
    }
}
