package io.chipledger.server.game;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The provably fair deck: a deterministic function of a secret server seed, the hand id and the players' client
 * seeds, simple enough to re-implement from docs/provably-fair.md in a few lines of any language.
 *
 * <ol>
 * <li>{@code commitment = hex(SHA-256(serverSeed))}, published before the seed is used.</li>
 * <li>{@code deckKey = HMAC-SHA256(serverSeed, "chipledger-deck-v1" || u64(handId) || for each client seed in seat
 * order: u32(seat) || u32(byteLength) || utf8(seed))}, integers big-endian.</li>
 * <li>A byte stream: {@code HMAC-SHA256(deckKey, u64(0)) || HMAC-SHA256(deckKey, u64(1)) || ...}.</li>
 * <li>Fisher-Yates from the ordered deck (card index {@code rank * 4 + suit}: 2c 2d 2h 2s 3c ... As): for {@code i}
 * from 51 down to 1, take bytes until one is below {@code 256 - 256 % (i + 1)} (rejection sampling, so every index is
 * equally likely), and swap position {@code i} with {@code byte % (i + 1)}. Cards are dealt from position 0.</li>
 * </ol>
 * Pure: no I/O, no clock, no randomness of its own.
 */
public final class SeededShuffle {

    public static final String SCHEME = "chipledger-deck-v1";
    public static final int SEED_BYTES = 32;
    private static final String HMAC = "HmacSHA256";

    private SeededShuffle() {
    }

    /** The public commitment to a server seed: lower-case hex of its SHA-256. */
    public static String commitment(byte[] serverSeed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(serverSeed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The deck of hand {@code handId}, ready to deal from its first card. */
    public static Deck deck(byte[] serverSeed, long handId, List<ClientSeed> clientSeeds) {
        return Deck.inOrder(order(serverSeed, handId, clientSeeds));
    }

    /** The deck order as card indexes, position 0 dealt first. */
    public static int[] order(byte[] serverSeed, long handId, List<ClientSeed> clientSeeds) {
        if (serverSeed.length != SEED_BYTES) {
            throw new IllegalArgumentException("a server seed is " + SEED_BYTES + " bytes, not " + serverSeed.length);
        }
        ByteStream stream = new ByteStream(hmac(serverSeed, derivationInput(handId, clientSeeds)));
        int[] order = new int[52];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = uniformBelow(i + 1, stream::next);
            int card = order[i];
            order[i] = order[j];
            order[j] = card;
        }
        return order;
    }

    /** The message the deck key is the HMAC of; client seeds sorted by seat, so their arrival order does not matter. */
    static byte[] derivationInput(long handId, List<ClientSeed> clientSeeds) {
        List<ClientSeed> bySeat = new ArrayList<>(clientSeeds);
        bySeat.sort(Comparator.comparingInt(ClientSeed::seat));
        byte[] scheme = SCHEME.getBytes(StandardCharsets.US_ASCII);
        int size = scheme.length + Long.BYTES;
        List<byte[]> seeds = new ArrayList<>();
        for (ClientSeed seed : bySeat) {
            byte[] text = seed.seed().getBytes(StandardCharsets.UTF_8);
            seeds.add(text);
            size += 2 * Integer.BYTES + text.length;
        }
        ByteBuffer input = ByteBuffer.allocate(size).put(scheme).putLong(handId);
        for (int i = 0; i < bySeat.size(); i++) {
            input.putInt(bySeat.get(i).seat()).putInt(seeds.get(i).length).put(seeds.get(i));
        }
        return input.array();
    }

    /** A uniform index in {@code [0, bound)} for {@code bound} of 1 to 256: bytes at or above the last full multiple are rejected. */
    static int uniformBelow(int bound, IntSupplier bytes) {
        if (bound < 1 || bound > 256) {
            throw new IllegalArgumentException("bound must be 1 to 256, was " + bound);
        }
        int limit = 256 - 256 % bound;
        while (true) {
            int b = bytes.getAsInt();
            if (b < limit) {
                return b % bound;
            }
        }
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }

    /** The bytes of HMAC-SHA256(deckKey, u64(0)) || HMAC-SHA256(deckKey, u64(1)) || ..., one at a time. */
    static final class ByteStream {
        private final Mac mac;
        private long counter;
        private byte[] block = new byte[0];
        private int next;

        ByteStream(byte[] deckKey) {
            try {
                mac = Mac.getInstance(HMAC);
                mac.init(new SecretKeySpec(deckKey, HMAC));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
            }
        }

        int next() {
            if (next == block.length) {
                block = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter++).array());
                next = 0;
            }
            return block[next++] & 0xff;
        }
    }
}
