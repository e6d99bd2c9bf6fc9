package io.chipledger.server.history.export;

import io.chipledger.money.Money;
import io.chipledger.server.game.holdem.Variant;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HandStatus;
import io.chipledger.server.history.record.HistoryEvent;
import io.chipledger.server.history.record.SeatRecord;
import io.chipledger.server.history.record.TournamentRecord;
import java.io.IOException;
import java.io.Writer;
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
 * <p>Each hand is one player's view, as trackers expect: exactly one {@code Dealt to} line, the hero's. In a player's
 * export the hero is that player; in an administrator's, the player the export was asked for, else the hand's first
 * seat; the other players' cards appear where the viewer may see them (shown, tabled, or mucked at showdown, which
 * an administrator's export writes in the summary). Every card of every seat is in the JSON and PHH exports. Play
 * chips are written as PokerStars writes play-money hands ({@link ChipNotation}); pots as PokerStars splits them
 * ({@link PokerStarsPots}); seat numbers are ours plus one. Voided hands are not written (PokerStars has no such hand).
 */
public final class PokerStarsWriter implements HandHistoryWriter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd H:mm:ss");
    private static final ZoneId EASTERN = ZoneId.of("America/New_York");

    private final Writer out;
    private final Long heroPlayerId;

    /** @param heroPlayerId whose view each hand is written from; null (or not seated) for the hand's first seat */
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
        private final PokerStarsPots pots;
        private final ChipNotation chips;
        private final int hero;
        private Money highest = Money.ZERO;
        private String street = "before Flop";
        private boolean showdownOpened;
        private final List<String> board = new ArrayList<>();

        Hand(HandHistory hand) {
            this.hand = hand;
            this.pots = PokerStarsPots.of(hand);
            this.chips = ChipNotation.of(hand);
            this.hero = hero(hand);
            pots.pots().forEach(pot -> pot.collected().forEach((seat, amount) -> collected.merge(seat, amount, Money::plus)));
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
            TournamentRecord tournament = hand.game().tournament();
            if (tournament == null) {
                line("PokerStars Hand #" + hand.handId() + ":  " + gameName(hand.game().variant()) + " ("
                        + chips.stakes(hand.game().smallBlind(), hand.game().bigBlind()) + ") - "
                        + TIME.format(hand.startedAt().atZone(EASTERN)) + " ET");
                line("Table '" + hand.tableName() + "' " + hand.game().seatCount() + "-max" + chips.tableTag() + " Seat #"
                        + (hand.button() + 1) + " is the button");
            } else {
                // As PokerStars heads a tournament hand: its number, the buy-in and fee, the level in Roman numerals.
                line("PokerStars Hand #" + hand.handId() + ": Tournament #" + tournament.id() + ", "
                        + ChipNotation.DOLLARS.amount(tournament.buyIn()) + "+" + ChipNotation.DOLLARS.amount(tournament.fee())
                        + " USD " + gameName(hand.game().variant()) + " - Level " + roman(tournament.level()) + " ("
                        + chips.stakes(hand.game().smallBlind(), hand.game().bigBlind()) + ") - "
                        + TIME.format(hand.startedAt().atZone(EASTERN)) + " ET");
                line("Table '" + tournament.id() + " 1' " + hand.game().seatCount() + "-max Seat #" + (hand.button() + 1)
                        + " is the button");
            }
            hand.seats().stream().sorted((a, b) -> Integer.compare(a.seat(), b.seat())).forEach(seat ->
                    line("Seat " + (seat.seat() + 1) + ": " + seat.player() + " (" + amount(seat.startingStack()) + " in chips)"));
            hand.events().stream().filter(Hand::isPost).forEach(this::event);
            line("*** HOLE CARDS ***");
            for (HistoryEvent event : hand.events()) {
                if (event instanceof HistoryEvent.HoleCardsDealt dealt && dealt.cards() != null && dealt.seat() == hero) {
                    line("Dealt to " + name(dealt.seat()) + " " + cards(dealt.cards()));
                }
            }
        }

        /** The seat whose view this is: the hero player's, else the first seat (the lowest number). */
        private int hero(HandHistory played) {
            return played.seats().stream().filter(s -> heroPlayerId != null && s.playerId() == heroPlayerId).findFirst()
                    .or(() -> played.seats().stream().min((a, b) -> Integer.compare(a.seat(), b.seat())))
                    .map(SeatRecord::seat).orElse(-1);
        }

        private static boolean isPost(HistoryEvent event) {
            return event instanceof HistoryEvent.AntePosted || event instanceof HistoryEvent.BlindPosted;
        }

        private void event(HistoryEvent event) {
            if (event instanceof HistoryEvent.AntePosted ante) {
                line(name(ante.seat()) + ": posts the ante " + amount(ante.amount()) + allIn(ante.allIn()));
            } else if (event instanceof HistoryEvent.BlindPosted blind) {
                putIn(blind.seat(), blind.amount());
                highest = highest.max(streetBet(blind.seat()));
                String kind = switch (blind.blind()) {
                    case "SMALL" -> "small blind";
                    case "BIG" -> "big blind";
                    default -> "straddle";
                };
                // A big blind posted out of position to come in at once is "posts big blind" too, but the summary
                // names the big blind's seat only, as PokerStars does.
                if (!(kind.equals("big blind") && blinds.containsValue(kind))) {
                    blinds.put(blind.seat(), kind);
                }
                line(name(blind.seat()) + ": posts " + kind + " " + amount(blind.amount()) + allIn(blind.allIn()));
            } else if (event instanceof HistoryEvent.Folded folded) {
                foldedOn.put(folded.seat(), street);
                line(name(folded.seat()) + ": folds");
            } else if (event instanceof HistoryEvent.Checked checked) {
                line(name(checked.seat()) + ": checks");
            } else if (event instanceof HistoryEvent.Called called) {
                putIn(called.seat(), called.amount());
                line(name(called.seat()) + ": calls " + amount(called.amount()) + allIn(called.allIn()));
            } else if (event instanceof HistoryEvent.Bet bet) {
                putIn(bet.seat(), bet.amount());
                highest = highest.max(streetBet(bet.seat()));
                line(name(bet.seat()) + ": bets " + amount(bet.amount()) + allIn(bet.allIn()));
            } else if (event instanceof HistoryEvent.Raised raised) {
                Money by = raised.to().minus(highest);
                putIn(raised.seat(), raised.amount());
                highest = highest.max(raised.to());
                line(name(raised.seat()) + ": raises " + amount(by) + " to " + amount(raised.to()) + allIn(raised.allIn()));
            } else if (event instanceof HistoryEvent.UncalledBetReturned returned) {
                streetBets.merge(returned.seat(), returned.amount().negate(), Money::plus);
                line("Uncalled bet (" + amount(returned.amount()) + ") returned to " + name(returned.seat()));
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
            }
            // HandTabled: PokerStars shows all-in hands at the showdown, with their final names. RakeTaken and
            // PotAwarded: written from PokerStarsPots, pot by pot as PokerStars splits them.
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
            List<PokerStarsPots.Pot> all = pots.pots();
            for (int pot = all.size() - 1; pot >= 0; pot--) {
                for (Map.Entry<Integer, Money> share : all.get(pot).collected().entrySet()) {
                    line(name(share.getKey()) + " collected " + amount(share.getValue()) + " from " + potName(pot, false));
                }
            }
            if (!showdownOpened && collected.size() == 1) {
                line(name(collected.keySet().iterator().next()) + ": doesn't show hand");
            }
        }

        private void summary() {
            line("*** SUMMARY ***");
            StringBuilder total = new StringBuilder("Total pot " + amount(hand.totalPot()));
            List<PokerStarsPots.Pot> all = pots.pots();
            if (all.size() > 1) {
                for (int pot = 0; pot < all.size(); pot++) {
                    total.append(' ').append(potName(pot, true)).append(' ').append(amount(all.get(pot).net())).append('.');
                }
            }
            line(total.append(" | Rake ").append(amount(hand.rake())).toString());
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
                row.append(won != null ? " and won (" + amount(won) + ")" + name : " and lost" + name);
            } else if (mucked.contains(n)) {
                row.append(" mucked");
                if (seat.holeCards() != null) { // known to this viewer: their own, or any in an administrator's export
                    row.append(' ').append(cards(seat.holeCards()));
                }
            } else if (won != null) {
                row.append(" collected (").append(amount(won)).append(')');
            }
            line(row.toString());
        }

        /** "pot" when there is one; else "main pot", "side pot" (one side pot) or "side pot-N"; capitalized in the summary. */
        private String potName(int pot, boolean capital) {
            int count = pots.pots().size();
            String name;
            if (count == 1) {
                name = "pot";
            } else if (pot == 0) {
                name = "main pot";
            } else {
                name = count == 2 ? "side pot" : "side pot-" + pot;
            }
            return capital ? Character.toUpperCase(name.charAt(0)) + name.substring(1) : name;
        }

        private String amount(Money money) {
            return chips.amount(money);
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

    /** The game as PokerStars names it in the header; a new variant adds its name here ("Omaha Pot Limit"). */
    /** A level number as PokerStars writes it: I, II, III, IV, ... */
    static String roman(int number) {
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] numerals = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder roman = new StringBuilder();
        int left = number;
        for (int i = 0; i < values.length; i++) {
            for (; left >= values[i]; left -= values[i]) {
                roman.append(numerals[i]);
            }
        }
        return roman.toString();
    }

    static String gameName(String variant) {
        return switch (variant == null ? Variant.NO_LIMIT_TEXAS_HOLDEM : Variant.ofCode(variant)) {
            case NO_LIMIT_TEXAS_HOLDEM -> "Hold'em No Limit";
            case POT_LIMIT_OMAHA_HOLDEM -> "Omaha Pot Limit";
        };
    }

    private static String cards(List<String> cards) {
        return "[" + String.join(" ", cards) + "]";
    }
}
