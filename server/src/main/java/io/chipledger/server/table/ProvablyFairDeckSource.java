package io.chipledger.server.table;

import io.chipledger.server.game.ClientSeed;
import io.chipledger.server.game.SeededShuffle;
import io.chipledger.server.history.record.DeckRecord;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@link DeckSource} of {@link SeededShuffle} decks. Per table it keeps the pending seed: drawn (and its commitment
 * announced) when the previous hand starts, so every client seed accepted against that commitment was chosen by a
 * player who had already seen it, after the server could no longer change the seed. Before a table's first hand
 * the seed is drawn when the table is first shown ({@link #nextCommitment}), so that hand takes client seeds too.
 * Pending seeds live in memory only: a restart draws new ones.
 */
public final class ProvablyFairDeckSource implements DeckSource {

    private static final Pattern SEED_TEXT = Pattern.compile("[\\x21-\\x7e]{1,64}");

    private final SecureRandom random;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

    public ProvablyFairDeckSource(SecureRandom random) {
        this.random = random;
    }

    /** A table's next seed, the hand whose start announced it (null if none did yet) and the client seeds by seat. */
    private static final class Pending {
        final byte[] seed;
        final String commitment;
        final Long announcedInHand;
        final Map<Integer, DeckRecord.ClientSeedRecord> clientSeeds = new TreeMap<>();

        Pending(byte[] seed, Long announcedInHand) {
            this.seed = seed;
            this.commitment = SeededShuffle.commitment(seed);
            this.announcedInHand = announcedInHand;
        }
    }

    @Override
    public String nextCommitment(long tableId) {
        return pending.computeIfAbsent(tableId, id -> new Pending(freshSeed(), null)).commitment;
    }

    @Override
    public ShuffledDeck shuffle(long tableId, long handId) {
        Pending current = pending.remove(tableId);
        if (current == null) {
            current = new Pending(freshSeed(), null);
        }
        Pending next = new Pending(freshSeed(), handId);
        pending.put(tableId, next);
        List<DeckRecord.ClientSeedRecord> seeds = new ArrayList<>(current.clientSeeds.values());
        List<ClientSeed> mixed = seeds.stream().map(s -> new ClientSeed(s.seat(), s.seed())).toList();
        DeckRecord record = new DeckRecord(SeededShuffle.SCHEME, current.commitment, HexFormat.of().formatHex(current.seed),
                seeds, current.announcedInHand, next.commitment);
        return new ShuffledDeck(SeededShuffle.deck(current.seed, handId, mixed), record);
    }

    @Override
    public boolean addClientSeed(long tableId, int seat, String player, String commitment, String seed) {
        if (seed == null || !SEED_TEXT.matcher(seed).matches()) {
            throw new IllegalArgumentException("a client seed is 1 to 64 printable ASCII characters without spaces");
        }
        Pending next = pending.get(tableId);
        if (next == null || !next.commitment.equals(commitment)) {
            return false;
        }
        next.clientSeeds.put(seat, new DeckRecord.ClientSeedRecord(seat, player, seed));
        return true;
    }

    private byte[] freshSeed() {
        byte[] seed = new byte[SeededShuffle.SEED_BYTES];
        random.nextBytes(seed);
        return seed;
    }
}
