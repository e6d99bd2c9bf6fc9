package io.chipledger.server.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.chipledger.server.history.fair.DealtDeck;
import io.chipledger.server.history.fair.PhhDeckReader;
import io.chipledger.server.history.fair.ShuffleVerifier;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HistoryJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code poker-server verify-shuffle FILE...}: for every hand of exported histories (JSON, or PHH as our exports
 * write it), checks that the revealed server seed hashes to the published commitment, that each commitment is the
 * one the table's previous hand announced, and that every card shown in the file is the card the seed, the hand id
 * and the client seeds put at that place in the deck. Prints one line per hand that fails, then a summary; exits 1
 * when any hand fails. Files are read hand by hand, in constant memory.
 */
@Command(name = "verify-shuffle", mixinStandardHelpOptions = true,
        description = {"Re-derive each deck of exported hand histories (JSON, or PHH as our exports write it) and check "
                + "every card against it.", "Exits 1 when any hand fails; see docs/provably-fair.md."})
final class VerifyShuffleCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "exported hand histories")
    private List<String> args;

    private final PrintStream out;
    private final PrintStream err;

    VerifyShuffleCommand(Terminal terminal) {
        this.out = terminal.out();
        this.err = terminal.err();
    }

    @Override
    public Integer call() {
        ShuffleVerifier verifier = new ShuffleVerifier();
        long[] counts = new long[4]; // hands, cards, failed, without a deck
        boolean unreadable = false;
        for (String arg : args) {
            Consumer<DealtDeck> check = deck -> {
                ShuffleVerifier.Verdict verdict = verifier.verify(deck);
                counts[0]++;
                counts[1] += verdict.cardsChecked();
                if (!verdict.honest()) {
                    counts[2]++;
                    out.println(arg + ": hand " + verdict.handId() + ": " + String.join("; ", verdict.problems()));
                }
            };
            try {
                if (isJson(Path.of(arg))) {
                    counts[3] += readJson(Path.of(arg), check);
                } else {
                    try (BufferedReader phh = Files.newBufferedReader(Path.of(arg), StandardCharsets.UTF_8)) {
                        new PhhDeckReader().read(phh, check);
                    }
                }
            } catch (IOException | RuntimeException e) {
                err.println(arg + ": cannot read: " + e.getMessage());
                unreadable = true;
            }
        }
        out.printf("%d hands, %d cards checked, %d failed%s%n", counts[0], counts[1], counts[2],
                counts[3] > 0 ? ", " + counts[3] + " without a deck (voided by crash recovery)" : "");
        return counts[2] > 0 || unreadable ? 1 : 0;
    }

    private static boolean isJson(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int c;
            do {
                c = reader.read();
            } while (c != -1 && Character.isWhitespace(c));
            return c == '{';
        }
    }

    /** Reads {"hands":[...]} one hand at a time; returns how many hands had no deck. */
    private static long readJson(Path file, Consumer<DealtDeck> check) throws IOException {
        long withoutDeck = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser json = HistoryJson.mapper().getFactory().createParser(reader)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a hand-history document");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                if (!field.equals("hands")) {
                    json.skipChildren();
                    continue;
                }
                while (json.nextToken() == JsonToken.START_OBJECT) {
                    HandHistory hand = HistoryJson.mapper().readValue(json, HandHistory.class);
                    DealtDeck deck = DealtDeck.of(hand);
                    if (deck == null) {
                        withoutDeck++;
                    } else {
                        check.accept(deck);
                    }
                }
            }
        }
        return withoutDeck;
    }
}
