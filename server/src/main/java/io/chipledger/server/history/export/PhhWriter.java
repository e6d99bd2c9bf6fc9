package io.chipledger.server.history.export;

import io.chipledger.money.Money;
import io.chipledger.server.history.phh.PhhVariant;
import io.chipledger.server.history.record.DeckRecord;
import io.chipledger.server.history.record.GameRecord;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HandStatus;
import io.chipledger.server.history.record.HistoryEvent;
import io.chipledger.server.history.record.SeatRecord;
import io.chipledger.server.history.record.TournamentRecord;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes hands as a PHH collection ({@code .phhs}: one TOML table {@code [hand id]} per hand), the format of the
 * conformance corpus, so {@code poker-server replay} re-plays each one to the stacks the ledger settled. Players are
 * in PHH order: {@code p1} left of the button, the button last (heads-up: {@code p1} the big blind, {@code p2} the
 * button). Amounts are exact decimals. Besides the standard fields, user-defined ones (a leading underscore, which
 * PHH readers ignore) carry the rake rule, the table's seat numbers and the provably fair deck. Unknown hole cards
 * are {@code ??} each ({@code ????} in hold'em, {@code ????????} in Omaha). Voided hands are not written: they have no
 * end to replay to.
 */
public final class PhhWriter implements HandHistoryWriter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Writer out;

    public PhhWriter(Writer out) {
        this.out = out;
    }

    @Override
    public boolean write(HandHistory hand) throws IOException {
        if (hand.status() != HandStatus.SETTLED) {
            return false;
        }
        out.write(text(hand));
        out.write('\n');
        return true;
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    /** One hand as a TOML table. */
    public String text(HandHistory hand) {
        List<SeatRecord> seats = hand.seats();
        Map<Integer, String> player = new HashMap<>();
        for (int i = 0; i < seats.size(); i++) {
            player.put(seats.get(i).seat(), "p" + (i + 1));
        }
        GameRecord game = hand.game();
        int n = seats.size();
        StringBuilder toml = new StringBuilder();
        toml.append('[').append(hand.handId()).append("]\n");
        toml.append("variant = '").append(PhhVariant.code(game.engineVariant())).append("'\n");
        toml.append("ante_trimming_status = ").append(!"BIG_BLIND".equals(game.anteKind())).append('\n');
        toml.append("antes = ").append(amounts(antes(game, n))).append('\n');
        List<Integer> posted = postedBigBlinds(hand);
        toml.append("blinds_or_straddles = ").append(amounts(blinds(game, n, posted))).append('\n');
        toml.append("min_bet = ").append(game.minBet()).append('\n');
        toml.append("starting_stacks = ").append(amounts(column(seats, SeatRecord::startingStack))).append('\n');
        toml.append("actions = [").append(String.join(", ", actions(hand, player).stream().map(PhhWriter::quoted).toList()))
                .append("]\n");
        toml.append("finishing_stacks = ").append(amounts(column(seats, SeatRecord::finalStack))).append('\n');
        toml.append("winnings = ").append(amounts(winnings(hand))).append('\n');
        toml.append("hand = ").append(hand.handId()).append('\n');
        toml.append("table = ").append(quoted(hand.tableName() == null ? "table " + hand.tableId() : hand.tableName())).append('\n');
        toml.append("seat_count = ").append(game.seatCount()).append('\n');
        toml.append("seats = ").append(seats.stream().map(s -> String.valueOf(s.seat() + 1)).toList().toString()).append('\n');
        toml.append("players = [").append(String.join(", ", seats.stream().map(s -> quoted(s.player())).toList())).append("]\n");
        ZonedDateTime start = hand.startedAt().atZone(ZoneOffset.UTC);
        toml.append("time = ").append(TIME.format(start)).append('\n');
        toml.append("time_zone = 'UTC'\n");
        toml.append("day = ").append(start.getDayOfMonth()).append('\n');
        toml.append("month = ").append(start.getMonthValue()).append('\n');
        toml.append("year = ").append(start.getYear()).append('\n');
        TournamentRecord tournament = game.tournament();
        if (tournament != null) {
            toml.append("event = ").append(quoted("Tournament #" + tournament.id())).append('\n');
            toml.append("level = ").append(tournament.level()).append('\n');
        }
        toml.append("_currency = ").append(quoted(hand.currency())).append('\n');
        if (tournament != null) { // amounts above are the engine's: 100 of them make a tournament chip
            toml.append("_tournament_id = ").append(tournament.id()).append('\n');
            toml.append("_buy_in = ").append(tournament.buyIn()).append('\n');
            toml.append("_fee = ").append(tournament.fee()).append('\n');
            toml.append("_chips_per_unit = 100\n");
        }
        toml.append("_table_id = ").append(hand.tableId()).append('\n');
        if (!posted.isEmpty()) {
            toml.append("_posted_big_blinds = ").append(posted.stream().map(i -> i + 1).toList()).append('\n');
        }
        toml.append("_rake_percent = ").append(game.rakePercent().setScale(2).toPlainString()).append('\n');
        toml.append("_rake_cap = ").append(game.rakeCap()).append('\n');
        toml.append("_rake_no_flop_no_drop = ").append(game.rakeNoFlopNoDrop()).append('\n');
        toml.append("_rake = ").append(hand.rake()).append('\n');
        DeckRecord deck = hand.deck();
        if (deck != null) {
            toml.append("_deck_scheme = ").append(quoted(deck.scheme())).append('\n');
            toml.append("_deck_commitment = ").append(quoted(deck.commitment())).append('\n');
            toml.append("_server_seed = ").append(quoted(deck.serverSeed())).append('\n');
            toml.append("_client_seeds = [").append(String.join(", ", deck.clientSeeds().stream().map(s ->
                    "{seat = " + (s.seat() + 1) + ", player = " + quoted(s.player()) + ", seed = " + quoted(s.seed()) + "}").toList()))
                    .append("]\n");
            if (deck.announcedInHand() != null) {
                toml.append("_deck_announced_in_hand = ").append(deck.announcedInHand()).append('\n');
            }
            if (deck.nextCommitment() != null) {
                toml.append("_next_deck_commitment = ").append(quoted(deck.nextCommitment())).append('\n');
            }
        }
        return toml.toString();
    }

    private static List<String> actions(HandHistory hand, Map<Integer, String> player) {
        String unknownHoleCards = "??".repeat(hand.game().engineVariant().holeCards());
        List<String> actions = new ArrayList<>();
        Set<Integer> showed = new HashSet<>();
        for (HistoryEvent event : hand.events()) {
            if (event instanceof HistoryEvent.HoleCardsDealt dealt) {
                actions.add("d dh " + player.get(dealt.seat()) + " "
                        + (dealt.cards() == null ? unknownHoleCards : String.join("", dealt.cards())));
            } else if (event instanceof HistoryEvent.StreetDealt street) {
                actions.add("d db " + String.join("", street.cards()));
            } else if (event instanceof HistoryEvent.Folded folded) {
                actions.add(player.get(folded.seat()) + " f");
            } else if (event instanceof HistoryEvent.Checked checked) {
                actions.add(player.get(checked.seat()) + " cc");
            } else if (event instanceof HistoryEvent.Called called) {
                actions.add(player.get(called.seat()) + " cc");
            } else if (event instanceof HistoryEvent.Bet bet) {
                actions.add(player.get(bet.seat()) + " cbr " + bet.amount());
            } else if (event instanceof HistoryEvent.Raised raised) {
                actions.add(player.get(raised.seat()) + " cbr " + raised.to());
            } else if (event instanceof HistoryEvent.HandTabled tabled && showed.add(tabled.seat())) {
                actions.add(player.get(tabled.seat()) + " sm " + String.join("", tabled.cards()));
            } else if (event instanceof HistoryEvent.HandShown shown && showed.add(shown.seat())) {
                actions.add(player.get(shown.seat()) + " sm " + String.join("", shown.cards()));
            } else if (event instanceof HistoryEvent.HandMucked mucked && showed.add(mucked.seat())) {
                actions.add(player.get(mucked.seat()) + " sm");
            }
        }
        return actions;
    }

    /** Uniform antes for everyone; a big-blind ante in entry 2 (the big blind, {@code p2}, or {@code p1} heads-up). */
    private static List<Money> antes(GameRecord game, int players) {
        List<Money> antes = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            boolean posts = "UNIFORM".equals(game.anteKind()) || "BIG_BLIND".equals(game.anteKind()) && i == 1;
            antes.add(posts ? game.ante() : Money.ZERO);
        }
        return antes;
    }

    /**
     * [small blind, big blind, straddle, 0...], in that order heads-up too (PHH reverses it there by rule), with the big
     * blind also in the entry of each player who posted one to come in at once ({@code posted}, 0 for {@code p1}).
     */
    private static List<Money> blinds(GameRecord game, int players, List<Integer> posted) {
        List<Money> blinds = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            blinds.add(i == 0 ? game.smallBlind() : i == 1 ? game.bigBlind() : posted.contains(i) ? game.bigBlind()
                    : i == 2 ? game.straddle() : Money.ZERO);
        }
        return blinds;
    }

    /**
     * The players (0 for {@code p1}) who posted a big blind out of the blinds' positions: every big blind after the
     * first. PHH has no such post (pokerkit opens the betting left of the last one, as after a straddle), so it is told
     * in the user-defined {@code _posted_big_blinds}, which {@code poker-server replay} reads.
     */
    private static List<Integer> postedBigBlinds(HandHistory hand) {
        List<Integer> posted = new ArrayList<>();
        boolean bigBlindSeen = false;
        for (HistoryEvent event : hand.events()) {
            if (event instanceof HistoryEvent.BlindPosted blind && blind.blind().equals("BIG")) {
                if (bigBlindSeen) {
                    posted.add(indexOf(hand.seats(), blind.seat()));
                }
                bigBlindSeen = true;
            }
        }
        return posted;
    }

    private static int indexOf(List<SeatRecord> seats, int seat) {
        for (int i = 0; i < seats.size(); i++) {
            if (seats.get(i).seat() == seat) {
                return i;
            }
        }
        throw new IllegalArgumentException("seat " + seat + " was not dealt in");
    }

    private static List<Money> winnings(HandHistory hand) {
        Map<Integer, Money> won = new HashMap<>();
        for (HistoryEvent event : hand.events()) {
            if (event instanceof HistoryEvent.PotAwarded award) {
                won.merge(award.seat(), award.amount(), Money::plus);
            }
        }
        return hand.seats().stream().map(s -> won.getOrDefault(s.seat(), Money.ZERO)).toList();
    }

    private static List<Money> column(List<SeatRecord> seats, Function<SeatRecord, Money> field) {
        return seats.stream().map(field).toList();
    }

    private static String amounts(List<Money> amounts) {
        return "[" + String.join(", ", amounts.stream().map(Money::toString).toList()) + "]";
    }

    /** A TOML literal string when it can be one, else a basic string with escapes. */
    static String quoted(String text) {
        if (text.indexOf('\'') < 0 && text.chars().noneMatch(c -> c < 0x20 || c == 0x7f)) {
            return "'" + text + "'";
        }
        StringBuilder basic = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> basic.append("\\\"");
                case '\\' -> basic.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        basic.append(String.format("\\u%04x", (int) c));
                    } else {
                        basic.append(c);
                    }
                }
            }
        }
        return basic.append('"').toString();
    }
}
