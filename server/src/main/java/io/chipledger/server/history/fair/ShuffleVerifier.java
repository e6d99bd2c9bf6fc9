package io.chipledger.server.history.fair;

import io.chipledger.server.game.Card;
import io.chipledger.server.game.SeededShuffle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Checks a history's deck: the revealed seed hashes to the published commitment; the seats were dealt in the order
 * the button fixes (clockwise from its left, the button last), which is what places each hole card in the deck; and
 * every card the history states anywhere (the dealing, a seat's hole cards, a hand shown or tabled, the board) is the
 * card the seed, the hand id and the client seeds put there. Across hands of one table read in order, a hand's
 * commitment must be the one its predecessor announced, and must name that hand as its announcer; only the latest
 * announcement per table is remembered, so a file of any length is checked in constant memory.
 *
 * <p>Problems name seats as players see them, counted from 1.
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
        checkAnnouncement(deck, problems);
        int[] order;
        try {
            order = SeededShuffle.order(seed, deck.handId(), deck.clientSeeds());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return new Verdict(deck.handId(), problems, 0);
        }
        List<Integer> seats = deck.seating().order();
        checkSeating(deck.seating(), problems);
        Map<Integer, List<String>> holeCards = new HashMap<>();
        int each = deck.seating().holeCards();
        for (int i = 0; i < seats.size(); i++) {
            holeCards.put(seats.get(i), cards(order, each * i, each));
        }
        int checked = checkDealing(deck, order, holeCards, problems);
        for (DealtDeck.Holding holding : deck.holdings()) {
            List<String> dealt = holeCards.get(holding.seat());
            checked += holding.cards().size();
            if (!holding.cards().equals(dealt)) {
                problems.add("seat " + (holding.seat() + 1) + " " + holding.where() + " holds " + holding.cards()
                        + (dealt == null ? " but was not dealt in" : " but the deck dealt it " + dealt));
            }
        }
        if (deck.board() != null) {
            List<String> expected = cards(order, each * seats.size(), deck.board().size());
            checked += deck.board().size();
            if (!deck.board().equals(expected)) {
                problems.add("the board is " + deck.board() + " but the deck has " + expected + " there");
            }
        }
        return new Verdict(deck.handId(), problems, checked);
    }

    /**
     * The hand's commitment against the one the table's previous hand in the file announced: the same commitment must
     * name that hand as announcer, and a hand named as announcer must have announced this commitment.
     */
    private void checkAnnouncement(DealtDeck deck, List<String> problems) {
        Long announcer = deck.announcedInHand();
        if (announcer != null && announcer >= deck.handId()) {
            problems.add("the commitment is said to be announced by hand " + announcer + ", which is not an earlier hand");
        }
        Announcement promised = deck.tableId() == null ? null : announced.get(deck.tableId());
        if (promised != null) {
            boolean sameCommitment = promised.commitment().equals(deck.commitment());
            if (sameCommitment && !Long.valueOf(promised.handId()).equals(announcer)) {
                problems.add("hand " + promised.handId() + " announced this commitment, but the hand says it was announced by "
                        + (announcer == null ? "none" : "hand " + announcer));
            } else if (!sameCommitment && Long.valueOf(promised.handId()).equals(announcer)) {
                problems.add("hand " + promised.handId() + " announced commitment " + promised.commitment()
                        + ", but this hand used " + deck.commitment());
            }
        }
        if (deck.tableId() != null && deck.nextCommitment() != null) {
            announced.put(deck.tableId(), new Announcement(deck.handId(), deck.nextCommitment()));
        }
    }

    /** The seats are dealt clockwise from the button's left, the button last: the order the deck's cards follow. */
    private static void checkSeating(DealtDeck.Seating seating, List<String> problems) {
        List<Integer> listed = seating.order();
        if (new HashSet<>(listed).size() != listed.size()) {
            problems.add("a seat is listed twice: " + oneBased(listed));
            return;
        }
        if (listed.isEmpty()) {
            return;
        }
        int button = seating.button() != null ? seating.button() : listed.get(listed.size() - 1);
        if (!listed.contains(button)) {
            problems.add("the button, seat " + (button + 1) + ", was not dealt in");
            return;
        }
        int size = Math.max(seating.seatCount(), listed.stream().mapToInt(s -> s + 1).max().orElse(0));
        List<Integer> clockwise = new ArrayList<>(listed);
        clockwise.sort((a, b) -> Integer.compare(Math.floorMod(a - button - 1, size), Math.floorMod(b - button - 1, size)));
        if (!clockwise.equals(listed)) {
            problems.add("the seats are listed " + oneBased(listed) + " but clockwise from the button (seat " + (button + 1)
                    + ") they are dealt " + oneBased(clockwise));
        }
    }

    /** The dealing: each seat's hole cards in seat order, then the board; returns the cards compared. */
    private static int checkDealing(DealtDeck deck, int[] order, Map<Integer, List<String>> holeCards, List<String> problems) {
        List<Integer> seats = deck.seating().order();
        int holeDeals = 0;
        int boardPosition = deck.seating().holeCards() * seats.size();
        int checked = 0;
        for (DealtDeck.Dealt dealt : deck.dealt()) {
            List<String> expected;
            if (dealt.seat() >= 0) {
                if (holeDeals >= seats.size() || seats.get(holeDeals) != dealt.seat()) {
                    problems.add("seat " + (dealt.seat() + 1) + " was dealt " + ordinal(holeDeals + 1) + ", but "
                            + (holeDeals < seats.size() ? "seat " + (seats.get(holeDeals) + 1) + " is " : "no seat is ")
                            + ordinal(holeDeals + 1) + " from the button");
                }
                holeDeals++;
                expected = holeCards.get(dealt.seat());
            } else {
                expected = cards(order, boardPosition, dealt.count());
                boardPosition += dealt.count();
            }
            if (dealt.cards() == null) {
                continue; // hidden from this reader
            }
            checked += dealt.cards().size();
            if (!dealt.cards().equals(expected)) {
                problems.add((dealt.seat() >= 0 ? "seat " + (dealt.seat() + 1) + " was dealt " : "the board got ")
                        + dealt.cards() + " but the deck has " + expected + " there");
            }
        }
        return checked;
    }

    private static List<String> cards(int[] order, int from, int count) {
        List<String> cards = new ArrayList<>();
        for (int position = from; position < from + count; position++) {
            cards.add(position < order.length ? Card.of(order[position]).toString() : "--");
        }
        return cards;
    }

    private static List<Integer> oneBased(List<Integer> seats) {
        return seats.stream().map(s -> s + 1).toList();
    }

    private static String ordinal(int n) {
        return n + switch (n % 100 >= 11 && n % 100 <= 13 ? 0 : n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
