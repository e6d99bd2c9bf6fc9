package io.chipledger.server.history.phh;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.chipledger.money.Money;
import io.chipledger.money.RakeRule;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code .phh} (one hand) and {@code .phhs} (a table of hands) files. Amounts become {@link Money} exactly:
 * TOML floats are parsed as {@code BigDecimal} and integers converted without loss; a double never appears, and an
 * amount finer than a cent makes its hand unreadable rather than rounded.
 */
public final class PhhReader {

    private final TomlMapper mapper = TomlMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /**
     * @throws IOException when the file cannot be read or is not TOML at all; a single bad hand is an
     *                     {@link PhhEntry.Unreadable} instead
     */
    public List<PhhEntry> read(Path file) throws IOException {
        return read(Files.readString(file), file.getFileName().toString());
    }

    public List<PhhEntry> read(String toml, String fileName) throws IOException {
        JsonNode root = mapper.readTree(toml);
        if (root == null || !root.isObject()) {
            throw new IOException(fileName + " is not a TOML document");
        }
        if (root.has("variant")) {
            return List.of(entry(fileName, root));
        }
        List<PhhEntry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> table : root.properties()) {
            entries.add(entry(table.getKey(), table.getValue()));
        }
        return entries;
    }

    private static PhhEntry entry(String name, JsonNode node) {
        try {
            return new PhhEntry.Readable(hand(name, node));
        } catch (IllegalArgumentException unreadable) {
            return new PhhEntry.Unreadable(name, unreadable.getMessage());
        }
    }

    private static PhhHand hand(String name, JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a hand (a TOML table was expected)");
        }
        Optional<List<Money>> finishing = node.has("finishing_stacks")
                ? Optional.of(amounts(node, "finishing_stacks")) : Optional.empty();
        return new PhhHand(name, text(required(node, "variant"), "variant"),
                required(node, "ante_trimming_status").asBoolean(),
                amounts(node, "antes"), amounts(node, "blinds_or_straddles"),
                amount(required(node, "min_bet"), "min_bet"), amounts(node, "starting_stacks"),
                texts(required(node, "actions"), "actions"), finishing, rake(node), postedBigBlinds(node));
    }

    /** Our exports' players who posted a big blind to come in at once; none in a hand without the field. */
    private static List<Integer> postedBigBlinds(JsonNode node) {
        JsonNode players = node.get("_posted_big_blinds");
        if (players == null) {
            return List.of();
        }
        if (!players.isArray()) {
            throw new IllegalArgumentException("_posted_big_blinds is not an array");
        }
        List<Integer> posted = new ArrayList<>();
        for (JsonNode player : players) {
            if (!player.isIntegralNumber()) {
                throw new IllegalArgumentException("_posted_big_blinds holds player numbers, not " + player);
            }
            posted.add(player.intValue());
        }
        return posted;
    }

    /** Our exports' rake fields; a hand without them was played without rake. */
    private static RakeRule rake(JsonNode node) {
        if (!node.has("_rake_percent")) {
            return RakeRule.NONE;
        }
        JsonNode percent = node.get("_rake_percent");
        BigDecimal exact = percent.isIntegralNumber() ? new BigDecimal(percent.bigIntegerValue()) : percent.decimalValue();
        boolean noFlopNoDrop = !node.has("_rake_no_flop_no_drop") || node.get("_rake_no_flop_no_drop").asBoolean();
        return new RakeRule(exact, amount(required(node, "_rake_cap"), "_rake_cap"), noFlopNoDrop);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field " + field);
        }
        return value;
    }

    private static List<Money> amounts(JsonNode node, String field) {
        JsonNode array = required(node, field);
        if (!array.isArray()) {
            throw new IllegalArgumentException(field + " is not an array");
        }
        List<Money> amounts = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            amounts.add(amount(element, field));
        }
        return amounts;
    }

    /** Exact conversion: integers of any size, decimals as parsed; a binary floating-point value is refused. */
    static Money amount(JsonNode value, String field) {
        BigDecimal exact;
        if (value.isIntegralNumber()) {
            exact = new BigDecimal(value.bigIntegerValue());
        } else if (value.isBigDecimal()) {
            exact = value.decimalValue();
        } else {
            throw new IllegalArgumentException(field + " has a value that is not an exact decimal amount: " + value);
        }
        try {
            return Money.of(exact);
        } catch (IllegalArgumentException notCents) {
            throw new IllegalArgumentException(field + ": " + notCents.getMessage());
        }
    }

    private static String text(JsonNode value, String field) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " is not a string");
        }
        return value.asText();
    }

    private static List<String> texts(JsonNode array, String field) {
        if (!array.isArray()) {
            throw new IllegalArgumentException(field + " is not an array");
        }
        List<String> texts = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            texts.add(text(element, field));
        }
        return texts;
    }
}
