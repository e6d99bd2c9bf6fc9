package io.chipledger.server.history.fair;

import io.chipledger.server.game.Card;
import io.chipledger.server.game.SeededShuffle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Checks a history's deck: the revealed seed hashes to the published commitment, and every card the history shows
 * is the card the seed, the hand id and the client seeds put at that position of the deck. It also checks, across
 * hands of one table read in order, that a hand's commitment is the one its predecessor announced (remembering only
 * the latest announcement per table, so a file of any length is checked in constant memory).
 */
public final class ShuffleVerifier {

    /** The verdict on one hand: {@code problems} empty when it checks out; {@code cardsChecked} cards were compared. */
    public record Verdict(long handId, List<String> problems, int cardsChecked) {
        public boolean honest() {
            return problems.isEmpty();
        }
    }

    /** The latest next-deck commitment each table announced, and the hand that announced it: constant memory per table. */
    private final Map<Long, Announcement> announced = new HashMap<>();

    private record Announcement(long handId, String commitment) {
    }

    public Verdict verify(DealtDeck deck) {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        if (!SeededShuffle.SCHEME.equals(deck.scheme())) {
            problems.add("unknown deck scheme " + deck.scheme());
            return new Verdict(deck.handId(), problems, 0);
        }
        byte[] seed;
        try {
            seed = HexFormat.of().parseHex(deck.serverSeed());
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add("the server seed is not hex: " + deck.serverSeed());
            return new Verdict(deck.handId(), problems, 0);
        }
        if (!SeededShuffle.commitment(seed).equals(deck.commitment())) {
            problems.add("the server seed does not hash to the commitment " + deck.commitment());
        }
        Announcement promised = deck.tableId() == null ? null : announced.get(deck.tableId());
        if (promised != null && deck.announcedInHand() != null && promised.handId() == deck.announcedInHand()
                && !promised.commitment().equals(deck.commitment())) {
            problems.add("hand " + promised.handId() + " announced commitment " + promised.commitment()
                    + ", but this hand used " + deck.commitment());
        }
        if (deck.tableId() != null && deck.nextCommitment() != null) {
            announced.put(deck.tableId(), new Announcement(deck.handId(), deck.nextCommitment()));
        }
        int[] order;
        try {
            order = SeededShuffle.order(seed, deck.handId(), deck.clientSeeds());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return new Verdict(deck.handId(), problems, 0);
        }
        int position = 0;
        Map<Integer, List<String>> holeCards = new HashMap<>();
        for (DealtDeck.Dealt dealt : deck.dealt()) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < dealt.count(); i++) {
                expected.add(position < order.length ? Card.of(order[position]).toString() : "--");
                position++;
            }
            if (dealt.seat() >= 0) {
                holeCards.put(dealt.seat(), expected);
            }
            if (dealt.cards() == null) {
                continue; // hidden from this reader
            }
            checked += dealt.cards().size();
            if (!dealt.cards().equals(expected)) {
                problems.add((dealt.seat() >= 0 ? "seat " + dealt.seat() + " was dealt " : "the board got ") + dealt.cards()
                        + " but the deck has " + expected + " there");
            }
        }
        for (Map.Entry<Integer, List<String>> shown : deck.shown().entrySet()) {
            List<String> dealt = holeCards.get(shown.getKey());
            checked += shown.getValue().size();
            if (dealt == null || !dealt.equals(shown.getValue())) {
                problems.add("seat " + shown.getKey() + " showed " + shown.getValue() + " but the deck dealt it " + dealt);
            }
        }
        return new Verdict(deck.handId(), problems, checked);
    }
}
