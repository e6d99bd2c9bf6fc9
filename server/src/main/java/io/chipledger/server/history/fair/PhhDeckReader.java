package io.chipledger.server.history.fair;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.chipledger.server.game.ClientSeed;
import io.chipledger.server.history.phh.PhhVariant;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads the decks of a PHH file as our exports write them: {@code hand}, {@code _table_id}, {@code _deck_scheme},
 * {@code _deck_commitment}, {@code _server_seed}, {@code _client_seeds} (table seats counted from 1, as in
 * {@code seats}; the derivation counts them from 0), {@code seats} and {@code seat_count}, and the dealing and
 * showing actions in order. A hand without {@code _server_seed} has no deck to check. A
 * {@code .phhs} file is read one {@code [table]} at a time, so a file of any length takes constant memory.
 */
public final class PhhDeckReader {

    private static final Pattern TABLE_HEADER = Pattern.compile("\\[[^\\[\\]]+\\]\\s*");

    private final TomlMapper mapper = TomlMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** Reads the decks of a file hand by hand (each {@code [name]} line starts one), handing each to {@code decks}. */
    public void read(BufferedReader file, Consumer<DealtDeck> decks) throws IOException {
        StringBuilder hand = new StringBuilder();
        String line;
        while ((line = file.readLine()) != null) {
            if (TABLE_HEADER.matcher(line).matches() && !hand.isEmpty()) {
                read(hand.toString()).forEach(decks);
                hand.setLength(0);
            }
            hand.append(line).append('\n');
        }
        read(hand.toString()).forEach(decks);
    }

    /** The decks of the text's hands, in order; a hand without a seed is skipped. */
    public List<DealtDeck> read(String toml) throws IOException {
        JsonNode root = mapper.readTree(toml);
        List<DealtDeck> decks = new ArrayList<>();
        if (root == null) {
            return decks;
        }
        if (root.has("variant")) {
            addDeck(root, decks);
        } else {
            for (Map.Entry<String, JsonNode> hand : root.properties()) {
                addDeck(hand.getValue(), decks);
            }
        }
        return decks;
    }

    private static void addDeck(JsonNode hand, List<DealtDeck> decks) {
        if (!hand.has("_server_seed")) {
            return;
        }
        List<Integer> seats = new ArrayList<>();
        hand.path("seats").forEach(s -> seats.add(s.asInt() - 1));
        List<DealtDeck.Dealt> dealt = new ArrayList<>();
        List<DealtDeck.Holding> shown = new ArrayList<>();
        for (JsonNode action : hand.path("actions")) {
            String[] words = action.asText().trim().split("\\s+");
            if (words.length >= 4 && words[0].equals("d") && words[1].equals("dh")) {
                List<String> cards = cards(words[3]);
                dealt.add(new DealtDeck.Dealt(seat(words[2], seats), cards.size(), cards.contains("??") ? null : cards));
            } else if (words.length >= 3 && words[0].equals("d") && words[1].equals("db")) {
                List<String> cards = cards(words[2]);
                dealt.add(new DealtDeck.Dealt(-1, cards.size(), cards));
            } else if (words.length >= 3 && words[1].equals("sm")) {
                shown.add(new DealtDeck.Holding(seat(words[0], seats), cards(words[2]), "shown (" + words[0] + " sm)"));
            }
        }
        List<ClientSeed> clientSeeds = new ArrayList<>();
        for (JsonNode seed : hand.path("_client_seeds")) {
            clientSeeds.add(new ClientSeed(seed.path("seat").asInt() - 1, seed.path("seed").asText()));
        }
        Long table = hand.has("_table_id") ? hand.get("_table_id").asLong() : null;
        // PHH lists its players p1..pn from left of the button round to the button: the button is the last one.
        DealtDeck.Seating seating = new DealtDeck.Seating(seats, null, hand.path("seat_count").asInt(0),
                PhhVariant.of(hand.path("variant").asText()).holeCards());
        decks.add(new DealtDeck(hand.path("hand").asLong(), table, hand.path("_deck_scheme").asText(null),
                hand.path("_deck_commitment").asText(null), hand.path("_server_seed").asText(null), clientSeeds, seating,
                dealt, shown, null, hand.has("_deck_announced_in_hand") ? hand.get("_deck_announced_in_hand").asLong() : null,
                hand.path("_next_deck_commitment").asText(null)));
    }

    /** {@code pN} is the N-th player in PHH order: the table seat at {@code seats[N-1]}. */
    private static int seat(String player, List<Integer> seats) {
        int index = Integer.parseInt(player.substring(1)) - 1;
        return index < seats.size() ? seats.get(index) : index;
    }

    private static List<String> cards(String text) {
        List<String> cards = new ArrayList<>();
        for (int i = 0; i + 1 < text.length(); i += 2) {
            cards.add(text.substring(i, i + 2));
        }
        return cards;
    }
}
