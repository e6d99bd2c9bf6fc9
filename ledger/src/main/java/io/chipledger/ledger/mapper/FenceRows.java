package io.chipledger.ledger.mapper;

/**
 * The distinct fences a batch's postings carry, as columns: the batch writes only if every one still stands (its
 * lease at that epoch), each read FOR SHARE so no claim commits in between.
 */
public record FenceRows(String[] names, Long[] epochs) {
}
