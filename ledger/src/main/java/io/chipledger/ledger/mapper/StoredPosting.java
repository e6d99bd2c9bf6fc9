package io.chipledger.ledger.mapper;

/** A committed posting as the idempotency check needs it. {@code contentHash} is hex. */
public record StoredPosting(long id, String idempotencyKey, String contentHash, Long[] transferIds) {
}
