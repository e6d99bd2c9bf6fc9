package io.chipledger.ledger.mapper;

/** Posting rows as columns, one array element per row. {@code hashes} are hex SHA-256. */
public record PostingRows(Long[] ids, String[] keys, String[] kinds, String[] tableRefs, String[] handRefs,
                          String[] actionRefs, String[] hashes, Integer[] legCounts) {
}
