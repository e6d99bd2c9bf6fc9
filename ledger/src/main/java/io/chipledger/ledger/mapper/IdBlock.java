package io.chipledger.ledger.mapper;

/** Fresh ids from the posting and transfer sequences, taken in one round trip. */
public record IdBlock(Long[] postingIds, Long[] transferIds) {
}
