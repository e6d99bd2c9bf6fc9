package io.chipledger.server.history.phh;

import io.chipledger.money.Money;
import io.chipledger.server.game.Card;
import io.chipledger.server.game.holdem.Ante;
import io.chipledger.server.game.holdem.ChipTally;
import io.chipledger.server.game.holdem.HandCommand;
import io.chipledger.server.game.holdem.HandSetup;
import io.chipledger.server.game.holdem.HoldemHand;
import io.chipledger.server.game.holdem.IllegalActionException;
import io.chipledger.server.game.holdem.PlayerSeat;
import io.chipledger.server.game.holdem.Refusal;
import io.chipledger.server.game.holdem.Reopening;
import io.chipledger.server.game.holdem.SeatView;
import io.chipledger.server.game.holdem.Stakes;
import io.chipledger.server.game.holdem.Variant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays a PHH hand of No-Limit Texas Hold'em ({@code NT}) or Pot-Limit Omaha ({@code PO}) through {@link HoldemHand}
 * action by action (verify, then apply, exactly as a table would) and compares the stacks it ends with to the recorded
 * finishing stacks. Player {@code pN} sits in seat N; hole cards and board come from the history; a shown hand must be
 * the one dealt.
 */
public final class PhhReplayer {

    /**
     * Replays under the house rule ({@link Reopening#FULL_RAISE_ONLY}); a history refused only because a player
     * re-raised after a short all-in is replayed again under {@link Reopening#ANY_RAISE} (pokerkit's rule) and reported
     * as such, so the settlement is still checked and the rule difference stays visible.
     */
    public ReplayResult replay(PhhHand phh) {
        return play(phh).result();
    }

    /**
     * As {@link #replay}, keeping the hand it played (null when the history could not be set up), for tests that look
     * at what the engine did.
     */
    Attempt play(PhhHand phh) {
        HandSetup setup;
        try {
            setup = setup(phh);
        } catch (IllegalArgumentException unsupported) {
            return new Attempt(new ReplayResult.Mismatched(phh.name(), "cannot set up the hand: "
                    + unsupported.getMessage()), null, null, null);
        }
        Attempt strict = attempt(phh, setup);
        if (strict.refusal() == Refusal.BETTING_NOT_REOPENED) {
            Attempt lenient = attempt(phh, setup.withReopening(Reopening.ANY_RAISE));
            return lenient.result() instanceof ReplayResult.Matched
                    ? new Attempt(new ReplayResult.MatchedUnderAnyRaiseReopening(phh.name(), strict.action()), null,
                            null, lenient.hand())
                    : lenient;
        }
        return strict;
    }

    /** One replay under one setup; {@code refusal} and {@code action} are set when the engine refused an action. */
    record Attempt(ReplayResult result, Refusal refusal, String action, HoldemHand hand) {
    }

    private Attempt attempt(PhhHand phh, HandSetup setup) {
        String name = phh.name();
        HoldemHand hand = HoldemHand.start(setup);
        Map<Integer, List<Card>> holeCards = new HashMap<>();
        for (String action : phh.actions()) {
            try {
                perform(hand, action, holeCards);
            } catch (IllegalActionException refused) {
                return new Attempt(new ReplayResult.Mismatched(name, "action '" + action + "' refused: "
                        + refused.getMessage()), refused.reason(), action, hand);
            } catch (IllegalArgumentException unreadable) {
                return new Attempt(new ReplayResult.Mismatched(name, "action '" + action + "' not understood: "
                        + unreadable.getMessage()), null, action, hand);
            }
        }
        if (!hand.isComplete()) {
            return new Attempt(new ReplayResult.Mismatched(name, "the hand did not finish; it is in phase "
                    + hand.phase()), null, null, hand);
        }
        return new Attempt(compare(phh, hand), null, null, hand);
    }

    static HandSetup setup(PhhHand phh) {
        Variant variant = PhhVariant.of(phh.variant());
        int n = phh.players();
        if (phh.antes().size() != n || phh.blindsOrStraddles().size() != n) {
            throw new IllegalArgumentException("antes and blinds_or_straddles need one entry per player (" + n + ")");
        }
        List<Money> blinds = phh.blindsOrStraddles();
        // A player of _posted_big_blinds posted a live big blind to come in at once: their entry is no straddle.
        for (int player : phh.postedBigBlinds()) {
            if (player < 1 || player > n || !blinds.get(player - 1).equals(blinds.get(1))) {
                throw new IllegalArgumentException("_posted_big_blinds names p" + player
                        + ", whose entry in blinds_or_straddles is not the big blind: " + blinds);
            }
        }
        Money straddle = n > 2 && !phh.postedBigBlinds().contains(3) ? blinds.get(2) : Money.ZERO;
        for (int i = 3; i < n; i++) {
            if (!blinds.get(i).isZero() && !phh.postedBigBlinds().contains(i + 1)) {
                throw new IllegalArgumentException("only one straddle is supported: " + blinds);
            }
        }
        Stakes stakes = new Stakes(blinds.get(0), blinds.get(1), straddle, ante(phh), phh.minBet());
        List<PlayerSeat> players = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            players.add(new PlayerSeat(i + 1, phh.startingStacks().get(i), phh.postedBigBlinds().contains(i + 1)));
        }
        // The conformance hands show every live hand and have no rake; our exports carry their rake rule.
        return new HandSetup(players, stakes, phh.rake(), false, Reopening.FULL_RAISE_ONLY, variant);
    }

    /** Uniform antes when ante trimming is on; a big-blind ante (entry 2, heads-up too) when it is off. */
    private static Ante ante(PhhHand phh) {
        List<Money> antes = phh.antes();
        if (antes.stream().allMatch(Money::isZero)) {
            return new Ante.None();
        }
        if (phh.anteTrimming()) {
            if (antes.stream().distinct().count() != 1) {
                throw new IllegalArgumentException("antes differ between players: " + antes);
            }
            return new Ante.Uniform(antes.get(0));
        }
        for (int i = 0; i < antes.size(); i++) {
            if (i != 1 && !antes.get(i).isZero()) {
                throw new IllegalArgumentException("a big-blind ante is posted by the big blind only: " + antes);
            }
        }
        return new Ante.BigBlind(antes.get(1));
    }

    private static void perform(HoldemHand hand, String action, Map<Integer, List<Card>> holeCards) {
        int comment = action.indexOf('#');
        String[] words = (comment >= 0 ? action.substring(0, comment) : action).trim().split("\\s+");
        if (words.length >= 3 && words[0].equals("d") && words[1].equals("dh")) {
            List<Card> cards = cards(words, 3);
            holeCards.put(player(words[2]), cards);
            hand.handle(new HandCommand.DealHoleCards(player(words[2]), cards));
        } else if (words.length >= 2 && words[0].equals("d") && words[1].equals("db")) {
            hand.handle(new HandCommand.DealBoard(cards(words, 2)));
        } else if (words.length == 2 && words[1].equals("f")) {
            hand.handle(new HandCommand.Fold(player(words[0])));
        } else if (words.length == 2 && words[1].equals("cc")) {
            int seat = player(words[0]);
            hand.handle(facesBet(hand, seat) ? new HandCommand.Call(seat) : new HandCommand.Check(seat));
        } else if (words.length == 3 && words[1].equals("cbr")) {
            int seat = player(words[0]);
            Money to = Money.parse(words[2]);
            hand.handle(highestBet(hand).isZero() ? new HandCommand.Bet(seat, to) : new HandCommand.RaiseTo(seat, to));
        } else if (words.length >= 2 && words[1].equals("sm")) {
            List<Card> shown = cards(words, 2);
            List<Card> dealt = holeCards.get(player(words[0]));
            if (!shown.isEmpty() && (dealt == null || !dealt.equals(shown))) {
                throw new IllegalArgumentException(words[0] + " shows " + shown + " but was dealt " + dealt);
            }
        } else {
            throw new IllegalArgumentException("unknown action");
        }
    }

    private static boolean facesBet(HoldemHand hand, int seat) {
        for (SeatView view : hand.seats()) {
            if (view.seat() == seat) {
                return view.streetBet().isLessThan(highestBet(hand));
            }
        }
        return false;
    }

    private static Money highestBet(HoldemHand hand) {
        Money highest = Money.ZERO;
        for (SeatView view : hand.seats()) {
            highest = highest.max(view.streetBet());
        }
        return highest;
    }

    private static int player(String word) {
        if (!word.matches("p[1-9][0-9]?")) {
            throw new IllegalArgumentException("not a player: " + word);
        }
        return Integer.parseInt(word.substring(1));
    }

    /** Cards written together ("AsKd"), possibly over several words; "??" (unknown) is not replayable. */
    private static List<Card> cards(String[] words, int from) {
        String text = String.join("", java.util.Arrays.copyOfRange(words, from, words.length));
        if (text.length() % 2 != 0) {
            throw new IllegalArgumentException("not a list of cards: " + text);
        }
        List<Card> cards = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 2) {
            cards.add(Card.parse(text.substring(i, i + 2)));
        }
        return cards;
    }

    private static ReplayResult compare(PhhHand phh, HoldemHand hand) {
        ChipTally tally = ChipTally.of(hand.events());
        if (!tally.total().isZero() || !tally.pot().isZero()) {
            return new ReplayResult.Mismatched(phh.name(), "chips not conserved: " + tally.net());
        }
        if (phh.finishingStacks().isEmpty()) {
            return new ReplayResult.Mismatched(phh.name(), "no finishing_stacks to compare with");
        }
        List<Money> expected = phh.finishingStacks().get();
        List<Money> actual = hand.seats().stream().map(SeatView::stack).toList();
        if (!expected.equals(actual)) {
            return new ReplayResult.Mismatched(phh.name(), "finishing stacks " + actual + ", expected " + expected);
        }
        return new ReplayResult.Matched(phh.name());
    }
}
