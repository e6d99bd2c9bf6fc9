package io.chipledger.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The server's packages import downward, as docs/architecture.md draws them: each may import the project's packages
 * listed for it here and no other, so no two import each other (the table package and its storage used to).
 */
class PackageImportsTest {

    private static final Path SERVER = Path.of("src/main/java/io/chipledger/server");
    private static final String P = "io.chipledger.";
    private static final String S = "io.chipledger.server.";

    /** What each package may import of the project, besides itself. */
    private static final Map<String, List<String>> MAY_IMPORT = new LinkedHashMap<>();

    static {
        MAY_IMPORT.put("game", List.of(P + "money."));
        MAY_IMPORT.put("chips", List.of());
        MAY_IMPORT.put("net", List.of(P + "protocol."));
        MAY_IMPORT.put("logging", List.of());
        MAY_IMPORT.put("metrics", List.of(P + "ledger.db.", S + "net."));
        MAY_IMPORT.put("account", List.of(S + "chips."));
        MAY_IMPORT.put("history", List.of(P + "money.", S + "game."));
        MAY_IMPORT.put("bot", List.of(P + "money.", P + "protocol."));
        MAY_IMPORT.put("attack", List.of(P + "money.", P + "protocol.", S + "bot."));
        MAY_IMPORT.put("table", List.of(P + "ledger.", P + "money.", P + "protocol.", S + "account.", S + "chips.",
                S + "game.", S + "history.record.", S + "logging.", S + "metrics.", S + "net."));
        // tournament: its rules are pure (TournamentPurityTest); its director works on tables, the ledger and players.
        MAY_IMPORT.put("tournament", List.of(P + "ledger.", P + "money.", P + "protocol.", S + "account.", S + "chips.",
                S + "table."));
        MAY_IMPORT.put("store", List.of(P + "ledger.db.", P + "ledger.Fence", P + "ledger.lease.", P + "money.", S + "account.", S + "game.", S + "history.",
                S + "table.", S + "tournament."));
        MAY_IMPORT.put("gateway", List.of(P + "ledger.", P + "money.", P + "protocol.", S + "account.", S + "net.",
                S + "table."));
        MAY_IMPORT.put("api", List.of(P + "money.", P + "protocol.", S + "account.", S + "game.", S + "history.",
                S + "net.", S + "store.", S + "table.", S + "tournament."));
        // cluster: which node owns which table, under the ledger's leases; it starts and stops the tables' actors.
        MAY_IMPORT.put("cluster", List.of(P + "ledger.", P + "money.", S + "account.", S + "chips.", S + "table."));
        MAY_IMPORT.put("admin", List.of(P + "ledger.", P + "money.", P + "protocol.", S + "account.", S + "api.",
                S + "chips.", S + "cluster.", S + "game.", S + "gateway.", S + "history.", S + "metrics.", S + "net.", S + "store.",
                S + "table.", S + "tournament."));
    }

    @Test
    void eachPackageImportsOnlyThePackagesBelowIt() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, List<String>> rule : MAY_IMPORT.entrySet()) {
            Path dir = SERVER.resolve(rule.getKey());
            assertThat(dir).as("package %s", rule.getKey()).isDirectory();
            List<Path> sources;
            try (Stream<Path> files = Files.walk(dir)) {
                sources = files.filter(f -> f.toString().endsWith(".java")).toList();
            }
            for (Path source : sources) {
                for (String line : Files.readAllLines(source)) {
                    String imported = importOf(line);
                    if (imported != null && imported.startsWith(P) && !imported.startsWith(S + rule.getKey() + ".")
                            && rule.getValue().stream().noneMatch(imported::startsWith)) {
                        violations.add(SERVER.relativize(source) + " imports " + imported);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static String importOf(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("import ")) {
            return null;
        }
        return trimmed.substring("import ".length()).replace("static ", "").replace(";", "").strip();
    }
}
