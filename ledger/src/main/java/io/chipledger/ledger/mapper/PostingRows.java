package io.chipledger.ledger.mapper;

/**
 * Posting rows as columns, one array element per row. {@code hashes} are hex SHA-256; {@code fenceNames} and
 * {@code fenceEpochs} are null where a posting carries no fence.
 */
public record PostingRows(Long[] ids, String[] keys, String[] kinds, String[] tableRefs, String[] handRefs,
                          String[] actionRefs, String[] hashes, Integer[] legCounts, String[] fenceNames,
                          Long[] fenceEpochs) {
}
