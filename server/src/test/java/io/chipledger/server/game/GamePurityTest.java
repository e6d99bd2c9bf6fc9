package io.chipledger.server.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules stay pure: nothing under {@code game} reaches for the network, a database, JSON, the file system, the clock
 * or a random source of its own (randomness is injected into {@link Deck}, or derived from a given seed by hashing,
 * which is computation, not I/O), so a hand plays the same wherever it runs.
 */
class GamePurityTest {

    private static final Path GAME = Path.of("src/main/java/io/chipledger/server/game");
    private static final List<String> FORBIDDEN_IMPORTS = List.of("io.netty.", "java.sql.", "javax.sql.",
            "com.fasterxml.", "java.io.", "java.nio.file.", "java.nio.channels.", "java.net.", "java.time.",
            "java.util.Random;", "java.util.SplittableRandom;", "java.security.SecureRandom;", "java.security.KeyStore",
            "java.util.concurrent.ThreadLocalRandom;",
            "org.apache.ibatis.", "io.chipledger.server.table.", "io.chipledger.server.net.");
    private static final List<String> FORBIDDEN_CALLS = List.of("Math.random(", "System.currentTimeMillis(",
            "System.nanoTime(", "new Random(", "new SecureRandom(", "new SplittableRandom(", "ThreadLocalRandom.current(");

    @Test
    void gameSourcesUseNoNetworkDatabaseJsonFilesClockOrRandomSourceOfTheirOwn() throws IOException {
        assertThat(GAME).as("game sources, from the server module's directory").isDirectory();
        List<String> violations = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(GAME)) {
            sources = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                for (String forbidden : FORBIDDEN_IMPORTS) {
                    if (line.startsWith("import ") && line.contains(" " + forbidden)) {
                        violations.add(GAME.relativize(source) + ":" + (i + 1) + " " + line);
                    }
                }
                for (String forbidden : FORBIDDEN_CALLS) {
                    if (!line.startsWith("*") && !line.startsWith("//") && line.contains(forbidden)) {
                        violations.add(GAME.relativize(source) + ":" + (i + 1) + " " + line);
                    }
                }
            }
        }

        assertThat(sources).hasSizeGreaterThan(30);
        assertThat(violations).isEmpty();
    }
}
