package io.chipledger.server.history;

import io.chipledger.money.Money;
import io.chipledger.money.RakeRule;
import io.chipledger.server.game.Card;
import io.chipledger.server.game.Deck;
import io.chipledger.server.game.holdem.HandCommand;
import io.chipledger.server.game.holdem.HoldemHand;
import io.chipledger.server.game.holdem.LegalActions;
import io.chipledger.server.game.holdem.Stakes;
import io.chipledger.server.game.holdem.Variant;
import io.chipledger.server.history.record.DeckRecord;
import io.chipledger.server.history.record.GameRecord;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HandHistoryRecorder;
import io.chipledger.server.history.record.HandPlayer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a hand with known cards and actions for tests: players from left of the button, the cards in the order the
 * dealer deals them (hole cards seat by seat, then the board), and a script such as {@code "carol raises 3"}.
 */
public final class ScriptedHand {

    private final List<HandHistoryRecorder.Participant> players = new ArrayList<>();
    private final List<String> cards = new ArrayList<>();
    private final Deque<String> script = new ArrayDeque<>();
    private Stakes stakes = Stakes.blinds(Money.parse("0.50"), Money.parse("1.00"));
    private RakeRule rake = RakeRule.NONE;
    private Variant variant = Variant.NO_LIMIT_TEXAS_HOLDEM;
    private int button;
    private int seatCount = 6;
    private long handId = 1;
    private Instant startedAt = Instant.parse("2026-11-25T19:03:07Z");
    private String currency = "CHP";

    public static ScriptedHand hand(long handId) {
        ScriptedHand hand = new ScriptedHand();
        hand.handId = handId;
        return hand;
    }

    public ScriptedHand blinds(String small, String big) {
        stakes = Stakes.blinds(Money.parse(small), Money.parse(big));
        return this;
    }

    /** Pot-Limit Omaha instead of No-Limit Hold'em: give each player four hole cards. */
    public ScriptedHand omaha() {
        variant = Variant.POT_LIMIT_OMAHA_HOLDEM;
        return this;
    }

    public ScriptedHand rake(String percent, String cap) {
        rake = new RakeRule(new BigDecimal(percent), Money.parse(cap), true);
        return this;
    }

    public ScriptedHand seats(int count, int buttonSeat) {
        seatCount = count;
        button = buttonSeat;
        return this;
    }

    /** The table's currency: our play chips ({@code CHP}) unless a test says otherwise. */
    public ScriptedHand currency(String code) {
        currency = code;
        return this;
    }

    public ScriptedHand at(String instant) {
        startedAt = Instant.parse(instant);
        return this;
    }

    /** The next player from left of the button, with hole cards dealt to them. */
    public ScriptedHand player(int seat, String name, String stack, String holeCards) {
        players.add(new HandHistoryRecorder.Participant(seat, 100 + seat, name, Money.parse(stack)));
        for (int i = 0; i < holeCards.length(); i += 2) {
            cards.add(holeCards.substring(i, i + 2));
        }
        return this;
    }

    /** The player added last posts a big blind from their seat to come in at once. */
    public ScriptedHand postingBigBlind() {
        HandHistoryRecorder.Participant last = players.remove(players.size() - 1);
        players.add(new HandHistoryRecorder.Participant(last.seat(), last.playerId(), last.player(), last.stack(), true));
        return this;
    }

    public ScriptedHand board(String board) {
        for (String card : board.split(" ")) {
            cards.add(card);
        }
        return this;
    }

    /**
     * Actions like {@code "bob calls"}, {@code "carol raises 3"}, {@code "dave bets 2"}, {@code "alice all-in"} and
     * {@code "alice pots"} (both: the most she may bet, which in pot-limit is the pot unless her stack is less).
     */
    public ScriptedHand actions(String... actions) {
        script.addAll(List.of(actions));
        return this;
    }

    public HandHistory play() {
        Set<Card> order = new LinkedHashSet<>();
        cards.forEach(c -> order.add(Card.parse(c)));
        for (int i = 0; i < 52; i++) {
            order.add(Card.of(i));
        }
        int[] indexes = order.stream().mapToInt(Card::index).toArray();
        HandPlayer.Table table = new HandPlayer.Table(7, "Oak", currency, GameRecord.of(variant, stakes, rake, seatCount),
                button, players);
        DeckRecord deck = new DeckRecord("chipledger-deck-v1", "not-a-commitment", "00", List.of(), null, null);
        return HandPlayer.play(table, handId, Deck.inOrder(indexes), deck, this::next, 1000 * handId,
                startedAt, startedAt.plusSeconds(95));
    }

    private HandCommand next(HoldemHand hand) {
        if (script.isEmpty()) {
            throw new IllegalStateException("the script ended but seat " + hand.actor() + " is to act");
        }
        String[] words = script.poll().split(" ");
        int seat = players.stream().filter(p -> p.player().equals(words[0])).findFirst().orElseThrow().seat();
        LegalActions legal = hand.legalActions().orElseThrow();
        return switch (words[1]) {
            case "folds" -> new HandCommand.Fold(seat);
            case "checks" -> new HandCommand.Check(seat);
            case "calls" -> new HandCommand.Call(seat);
            case "bets" -> new HandCommand.Bet(seat, Money.parse(words[2]));
            case "raises" -> new HandCommand.RaiseTo(seat, Money.parse(words[2]));
            case "all-in", "pots" -> !legal.canBetOrRaise() ? new HandCommand.Call(seat)
                    : legal.isBet() ? new HandCommand.Bet(seat, legal.maxTo()) : new HandCommand.RaiseTo(seat, legal.maxTo());
            default -> throw new IllegalArgumentException("unknown action in " + String.join(" ", words));
        };
    }

    /** The hands the golden files show. */
    public static List<HandHistory> goldenHands() {
        return List.of(sidePots(), splitPotWithOddCent(), uncalledBetAndRake(), headsUpShowdownWithMuck(), deadAllInSidePot());
    }

    /**
     * Alice is all-in for 20 before the flop; bob and carol bet on into a side pot. At showdown bob's aces win and both
     * the others muck: their hands are dead, so our settlement pays bob one pot, which PokerStars writes as two.
     */
    public static HandHistory deadAllInSidePot() {
        return hand(105).rake("5", "3.00").seats(6, 3)
                .player(0, "alice", "20.00", "7c2d")
                .player(1, "bob", "100.00", "AsAd")
                .player(3, "carol", "100.00", "KsKd")
                .board("Ah 9c 5d 3h Jc")
                .actions("carol raises 3.00", "alice all-in", "bob calls", "carol calls", "bob bets 10.00", "carol calls",
                        "bob checks", "carol checks", "bob bets 20.00", "carol calls")
                .play();
    }

    /** Four players, three all-in for different amounts: a main pot and two side pots, each to a different winner. */
    public static HandHistory sidePots() {
        return hand(101).seats(6, 5)
                .player(0, "alice", "20.00", "AsAd")
                .player(1, "bob", "50.00", "KsKd")
                .player(3, "carol", "100.00", "7c2d")
                .player(5, "dave", "100.00", "QhQc")
                .board("Ah Kc 2s 9d 5h")
                .actions("carol raises 3.00", "dave calls", "alice all-in", "bob all-in", "carol all-in", "dave calls")
                .play();
    }

    /**
     * Dave sat down under the gun and posted a big blind rather than wait for it: he checks his option, and the big
     * blind's set of nines beats his pair of Jacks at showdown.
     */
    public static HandHistory postedBigBlind() {
        return hand(107).seats(6, 5)
                .player(0, "alice", "50.00", "7c2d")
                .player(1, "bob", "50.00", "9s9d")
                .player(3, "dave", "40.00", "AhJc").postingBigBlind()
                .player(5, "erin", "50.00", "Kd3s")
                .board("9h Jd 4c 2s 5h")
                .actions("dave checks", "erin folds", "alice calls", "bob checks",
                        "alice checks", "bob bets 2.00", "dave calls", "alice folds",
                        "bob checks", "dave checks", "bob checks", "dave checks")
                .play();
    }

    /** Two players play the board and split 1.25: the odd cent goes to the first winner left of the button. */
    public static HandHistory splitPotWithOddCent() {
        return hand(102).blinds("0.25", "0.50").seats(6, 2)
                .player(0, "alice", "40.00", "2c3d")
                .player(1, "bob", "40.00", "4h4d")
                .player(2, "carol", "40.00", "5c5s")
                .board("9h Ts Jd Qc Kh")
                .actions("carol calls", "alice folds", "bob checks", "bob checks", "carol checks", "bob checks",
                        "carol checks", "bob checks", "carol checks")
                .play();
    }

    /** A raise nobody calls comes back; the pot pays 5% rake, capped at 3. */
    public static HandHistory uncalledBetAndRake() {
        return hand(103).blinds("1.00", "2.00").rake("5", "3.00").seats(9, 4)
                .player(6, "alice", "100.00", "8c3h")
                .player(8, "bob", "200.00", "JhTh")
                .player(4, "carol", "150.00", "AcQd")
                .board("Qs 7h 2c 4d 9s")
                .actions("carol raises 6.00", "alice folds", "bob calls", "bob checks", "carol bets 10.00", "bob calls",
                        "bob bets 20.00", "carol raises 60.00", "bob folds")
                .play();
    }

    /** Heads-up: the button posts the small blind and acts first; the loser mucks at showdown. */
    public static HandHistory headsUpShowdownWithMuck() {
        return hand(104).blinds("0.05", "0.10").rake("5", "1.00").seats(2, 1)
                .player(0, "alice", "10.00", "KdKh")
                .player(1, "bob", "9.73", "Jc9c")
                .board("2d 7s Tc 3h 4c")
                .actions("bob raises 0.30", "alice raises 0.90", "bob calls", "alice bets 1.00", "bob calls",
                        "alice checks", "bob checks", "alice bets 2.50", "bob calls")
                .play();
    }

    /**
     * Pot-Limit Omaha: carol raises the pot, alice re-pots, bob re-pots and alice calls all-in for less. Alice and bob
     * hold the same ranks and split the main pot, its odd cent to alice (left of the button); bob takes the side pot.
     */
    public static HandHistory omahaSplitAndSidePot() {
        return hand(105).omaha().seats(6, 3)
                .player(0, "alice", "30.01", "AsKdQh2c")
                .player(1, "bob", "100.00", "AdKsQc2h")
                .player(3, "carol", "100.00", "7c7d8s9s")
                .board("Ah Kc 3d 8d Jc")
                .actions("carol raises 3.50", "alice pots", "bob pots", "carol calls", "alice calls",
                        "bob bets 10.00", "carol calls", "bob checks", "carol checks", "bob checks", "carol checks")
                .play();
    }
}
