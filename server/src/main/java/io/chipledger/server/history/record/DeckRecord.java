package io.chipledger.server.history.record;

import java.util.List;

/**
 * The provably fair deck (docs/provably-fair.md): the commitment published before the hand, the server seed revealed
 * after it, the client seeds mixed in, and the commitment to the table's next deck.
 *
 * @param announcedInHand the hand whose {@code handStarted} announced {@code commitment}; null when it was first
 *                        published in this hand's own {@code handStarted} (the first hand after a table starts)
 * @param nextCommitment  the commitment announced at this hand's start for the table's next deck
 */
public record DeckRecord(String scheme, String commitment, String serverSeed, List<ClientSeedRecord> clientSeeds,
                         Long announcedInHand, String nextCommitment) {

    public DeckRecord {
        clientSeeds = List.copyOf(clientSeeds);
    }

    /** A client seed that went into the deck, and who sent it. */
    public record ClientSeedRecord(int seat, String player, String seed) {
    }
}
