package io.chipledger.server.tournament;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tournament's rules stay pure, like the game's: nothing directly under {@code tournament} (its I/O lives in
 * {@code tournament.director}) reaches for the network, a database, JSON, files, a clock or randomness. Durations are
 * values the caller measures.
 */
class TournamentPurityTest {

    private static final Path RULES = Path.of("src/main/java/io/chipledger/server/tournament");
    private static final List<String> FORBIDDEN = List.of("io.netty.", "java.sql.", "javax.sql.", "com.fasterxml.",
            "java.io.", "java.nio.", "java.net.", "java.time.Clock", "java.time.Instant", "java.util.Random",
            "java.util.concurrent.", "org.apache.ibatis.", "io.chipledger.ledger.", "io.chipledger.server.table.",
            "io.chipledger.server.net.", "io.chipledger.server.tournament.director.");

    @Test
    void tournamentRulesUseNoNetworkDatabaseJsonFilesClockOrRandomness() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(RULES)) {
            sources = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        List<String> violations = new ArrayList<>();
        for (Path source : sources) {
            for (String line : Files.readAllLines(source)) {
                String code = line.strip();
                if (FORBIDDEN.stream().anyMatch(f -> code.startsWith("import ") && code.contains(" " + f))
                        || code.contains("System.currentTimeMillis(") || code.contains("System.nanoTime(")) {
                    violations.add(source.getFileName() + ": " + code);
                }
            }
        }
        assertThat(sources).hasSizeGreaterThan(10);
        assertThat(violations).isEmpty();
    }
}
