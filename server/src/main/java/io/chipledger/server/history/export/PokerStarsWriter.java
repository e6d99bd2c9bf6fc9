package io.chipledger.server.history.export;

import io.chipledger.money.Money;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HandStatus;
import io.chipledger.server.history.record.HistoryEvent;
import io.chipledger.server.history.record.SeatRecord;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes hands as PokerStars writes cash-game hand histories, so that tracking tools and third-party parsers import
 * them: the header (hand number, game, stakes, date and time in ET), the table line with the button, seats with
 * stacks, posts, {@code *** HOLE CARDS ***}, actions ({@code raises X to Y}, {@code and is all-in}), uncalled bets,
 * streets, {@code *** SHOW DOWN ***}, collections from the main and side pots, and the summary with the total pot,
 * each pot after rake, the rake, the board and a line per seat.
 *
 * <p>Chips are written in PokerStars' dollar notation ({@code $0.50}, {@code $1}), the only decimal-chip notation
 * those tools read; seat numbers are ours plus one. Voided hands are not written (PokerStars has no such hand).
 */
public final class PokerStarsWriter implements HandHistoryWriter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd H:mm:ss");
    private static final ZoneId EASTERN = ZoneId.of("America/New_York");

    private final Writer out;
    private final Long heroPlayerId;

    /** @param heroPlayerId whose {@code Dealt to} line is written; null writes one for every seat whose cards are known */
    public PokerStarsWriter(Writer out, Long heroPlayerId) {
        this.out = out;
        this.heroPlayerId = heroPlayerId;
    }

    @Override
    public boolean write(HandHistory hand) throws IOException {
        if (hand.status() != HandStatus.SETTLED) {
            return false;
        }
        out.write(text(hand));
        out.write("\n\n"); // two blank lines between hands, as PokerStars writes its files
        return true;
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    /** One hand's text, without the blank lines that separate hands in a file. */
    public String text(HandHistory hand) {
        return new Hand(hand).render();
    }

    /** The state needed while one hand is written. */
    private final class Hand {
        private final HandHistory hand;
        private final StringBuilder text = new StringBuilder();
        private final Map<Integer, Money> streetBets = new HashMap<>();
        private final Map<Integer, String> foldedOn = new HashMap<>();
        private final Set<Integer> putInChips = new HashSet<>();
        private final Map<Integer, String> blinds = new HashMap<>();
        private final Map<Integer, List<String>> shown = new HashMap<>();
        private final Map<Integer, String> handNames = new HashMap<>();
        private final Set<Integer> mucked = new HashSet<>();
        private final Map<Integer, Money> collected = new TreeMap<>();
        /** Awards by pot, side pots written before the main pot as PokerStars does. */
        private final TreeMap<Integer, List<HistoryEvent.PotAwarded>> awards = new TreeMap<>();
        private final Map<Integer, Money> rakeByPot = new HashMap<>();
        private Money highest = Money.ZERO;
        private String street = "before Flop";
        private boolean showdownOpened;
        private final List<String> board = new ArrayList<>();

        Hand(HandHistory hand) {
            this.hand = hand;
        }

        String render() {
            header();
            for (HistoryEvent event : hand.events()) {
                if (!(event instanceof HistoryEvent.HoleCardsDealt || isPost(event))) {
                    event(event); // posts and hole cards are written with the header
                }
            }
            collections();
            summary();
            return text.toString();
        }

        private void header() {
            line("PokerStars Hand #" + hand.handId() + ":  Hold'em No Limit (" + stakes() + " USD) - "
                    + TIME.format(hand.startedAt().atZone(EASTERN)) + " ET");
            line("Table '" + hand.tableName() + "' " + hand.game().seatCount() + "-max Seat #" + (hand.button() + 1)
                    + " is the button");
            hand.seats().stream().sorted((a, b) -> Integer.compare(a.seat(), b.seat())).forEach(seat ->
                    line("Seat " + (seat.seat() + 1) + ": " + seat.player() + " (" + dollars(seat.startingStack()) + " in chips)"));
            hand.events().stream().filter(Hand::isPost).forEach(this::event);
            line("*** HOLE CARDS ***");
            for (HistoryEvent event : hand.events()) {
                if (event instanceof HistoryEvent.HoleCardsDealt dealt && dealt.cards() != null && isHeroOrAll(dealt.seat())) {
                    line("Dealt to " + name(dealt.seat()) + " " + cards(dealt.cards()));
                }
            }
        }

        private String stakes() {
            BigDecimal sb = hand.game().smallBlind().amount();
            BigDecimal bb = hand.game().bigBlind().amount();
            boolean whole = sb.stripTrailingZeros().scale() <= 0 && bb.stripTrailingZeros().scale() <= 0;
            return whole ? dollars(hand.game().smallBlind()) + "/" + dollars(hand.game().bigBlind())
                    : "$" + hand.game().smallBlind() + "/$" + hand.game().bigBlind();
        }

        private boolean isHeroOrAll(int seat) {
            return heroPlayerId == null || hand.seat(seat).map(s -> s.playerId() == heroPlayerId).orElse(false);
        }

        private static boolean isPost(HistoryEvent event) {
            return event instanceof HistoryEvent.AntePosted || event instanceof HistoryEvent.BlindPosted;
        }

        private void event(HistoryEvent event) {
            if (event instanceof HistoryEvent.AntePosted ante) {
                line(name(ante.seat()) + ": posts the ante " + dollars(ante.amount()) + allIn(ante.allIn()));
            } else if (event instanceof HistoryEvent.BlindPosted blind) {
                putIn(blind.seat(), blind.amount());
                highest = highest.max(streetBet(blind.seat()));
                String kind = switch (blind.blind()) {
                    case "SMALL" -> "small blind";
                    case "BIG" -> "big blind";
                    default -> "straddle";
                };
                blinds.put(blind.seat(), kind);
                line(name(blind.seat()) + ": posts " + kind + " " + dollars(blind.amount()) + allIn(blind.allIn()));
            } else if (event instanceof HistoryEvent.Folded folded) {
                foldedOn.put(folded.seat(), street);
                line(name(folded.seat()) + ": folds");
            } else if (event instanceof HistoryEvent.Checked checked) {
                line(name(checked.seat()) + ": checks");
            } else if (event instanceof HistoryEvent.Called called) {
                putIn(called.seat(), called.amount());
                line(name(called.seat()) + ": calls " + dollars(called.amount()) + allIn(called.allIn()));
            } else if (event instanceof HistoryEvent.Bet bet) {
                putIn(bet.seat(), bet.amount());
                highest = highest.max(streetBet(bet.seat()));
                line(name(bet.seat()) + ": bets " + dollars(bet.amount()) + allIn(bet.allIn()));
            } else if (event instanceof HistoryEvent.Raised raised) {
                Money by = raised.to().minus(highest);
                putIn(raised.seat(), raised.amount());
                highest = highest.max(raised.to());
                line(name(raised.seat()) + ": raises " + dollars(by) + " to " + dollars(raised.to()) + allIn(raised.allIn()));
            } else if (event instanceof HistoryEvent.UncalledBetReturned returned) {
                streetBets.merge(returned.seat(), returned.amount().negate(), Money::plus);
                line("Uncalled bet (" + dollars(returned.amount()) + ") returned to " + name(returned.seat()));
            } else if (event instanceof HistoryEvent.StreetDealt dealt) {
                street(dealt);
            } else if (event instanceof HistoryEvent.HandShown show) {
                openShowdown();
                shown.put(show.seat(), show.cards());
                handNames.put(show.seat(), show.handName());
                line(name(show.seat()) + ": shows " + cards(show.cards()) + (show.handName() == null ? "" : " (" + show.handName() + ")"));
            } else if (event instanceof HistoryEvent.HandMucked muck) {
                openShowdown();
                mucked.add(muck.seat());
                line(name(muck.seat()) + ": mucks hand");
            } else if (event instanceof HistoryEvent.RakeTaken rake) {
                rakeByPot.merge(rake.pot(), rake.amount(), Money::plus);
            } else if (event instanceof HistoryEvent.PotAwarded award) {
                awards.computeIfAbsent(award.pot(), p -> new ArrayList<>()).add(award);
                collected.merge(award.seat(), award.amount(), Money::plus);
            }
            // HandTabled: PokerStars shows all-in hands at the showdown, with their final names.
        }

        private void street(HistoryEvent.StreetDealt dealt) {
            String before = cards(board);
            board.addAll(dealt.cards());
            streetBets.clear();
            highest = Money.ZERO;
            switch (dealt.street()) {
                case "FLOP" -> {
                    street = "on the Flop";
                    line("*** FLOP *** " + cards(board));
                }
                case "TURN" -> {
                    street = "on the Turn";
                    line("*** TURN *** " + before + " " + cards(dealt.cards()));
                }
                default -> {
                    street = "on the River";
                    line("*** RIVER *** " + before + " " + cards(dealt.cards()));
                }
            }
        }

        private void openShowdown() {
            if (!showdownOpened) {
                showdownOpened = true;
                line("*** SHOW DOWN ***");
            }
        }

        private void collections() {
            boolean onePot = potCount() == 1;
            for (int pot : awards.descendingKeySet()) {
                for (HistoryEvent.PotAwarded award : awards.get(pot)) {
                    line(name(award.seat()) + " collected " + dollars(award.amount()) + " from " + potName(pot, onePot, false));
                }
            }
            if (!showdownOpened && collected.size() == 1) {
                line(name(collected.keySet().iterator().next()) + ": doesn't show hand");
            }
        }

        private void summary() {
            line("*** SUMMARY ***");
            StringBuilder pots = new StringBuilder("Total pot " + dollars(hand.totalPot()));
            int count = potCount();
            if (count > 1) {
                for (int pot = 0; pot < count; pot++) {
                    Money net = Money.ZERO;
                    for (HistoryEvent.PotAwarded award : awards.getOrDefault(pot, List.of())) {
                        net = net.plus(award.amount());
                    }
                    pots.append(' ').append(potName(pot, false, true)).append(' ').append(dollars(net)).append('.');
                }
            }
            line(pots.append(" | Rake ").append(dollars(hand.rake())).toString());
            if (!board.isEmpty()) {
                line("Board " + cards(board));
            }
            hand.seats().stream().sorted((a, b) -> Integer.compare(a.seat(), b.seat())).forEach(this::seatSummary);
        }

        private void seatSummary(SeatRecord seat) {
            int n = seat.seat();
            StringBuilder row = new StringBuilder("Seat " + (n + 1) + ": " + seat.player());
            if (n == hand.button()) {
                row.append(" (button)");
            }
            String blind = blinds.get(n);
            if (blind != null && !blind.equals("straddle")) {
                row.append(" (").append(blind).append(')');
            }
            Money won = collected.get(n);
            if (foldedOn.containsKey(n)) {
                row.append(" folded ").append(foldedOn.get(n));
                if (foldedOn.get(n).equals("before Flop") && !putInChips.contains(n)) {
                    row.append(" (didn't bet)");
                }
            } else if (shown.containsKey(n)) {
                row.append(" showed ").append(cards(shown.get(n)));
                String name = handNames.get(n) == null ? "" : " with " + handNames.get(n);
                row.append(won != null ? " and won (" + dollars(won) + ")" + name : " and lost" + name);
            } else if (mucked.contains(n)) {
                row.append(" mucked");
                if (seat.holeCards() != null && isHeroOrAll(n)) {
                    row.append(' ').append(cards(seat.holeCards()));
                }
            } else if (won != null) {
                row.append(" collected (").append(dollars(won)).append(')');
            }
            line(row.toString());
        }

        private int potCount() {
            int last = 0;
            for (int pot : awards.keySet()) {
                last = Math.max(last, pot);
            }
            for (int pot : rakeByPot.keySet()) {
                last = Math.max(last, pot);
            }
            return last + 1;
        }

        /** "pot" when there is one; else "main pot", "side pot" (one side pot) or "side pot-N"; capitalized in the summary. */
        private String potName(int pot, boolean onePot, boolean capital) {
            String name;
            if (onePot) {
                name = "pot";
            } else if (pot == 0) {
                name = "main pot";
            } else {
                name = potCount() == 2 ? "side pot" : "side pot-" + pot;
            }
            return capital ? Character.toUpperCase(name.charAt(0)) + name.substring(1) : name;
        }

        /** Chips the seat put in on this street (antes do not count, in street bets or for "didn't bet"). */
        private void putIn(int seat, Money amount) {
            streetBets.merge(seat, amount, Money::plus);
            putInChips.add(seat);
        }

        private Money streetBet(int seat) {
            return streetBets.getOrDefault(seat, Money.ZERO);
        }

        private String name(int seat) {
            return hand.playerAt(seat);
        }

        private void line(String line) {
            text.append(line).append('\n');
        }
    }

    private static String allIn(boolean allIn) {
        return allIn ? " and is all-in" : "";
    }

    /** {@code $12.50}, {@code $3} for whole amounts, as PokerStars writes them. */
    static String dollars(Money amount) {
        BigDecimal value = amount.amount();
        return "$" + (value.stripTrailingZeros().scale() <= 0 ? value.setScale(0).toPlainString() : value.toPlainString());
    }

    private static String cards(List<String> cards) {
        return "[" + String.join(" ", cards) + "]";
    }
}
