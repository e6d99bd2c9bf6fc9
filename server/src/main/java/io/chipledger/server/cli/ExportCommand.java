package io.chipledger.server.cli;

import io.chipledger.ledger.db.Database;
import io.chipledger.server.account.PlayerMapper;
import io.chipledger.server.history.export.DateRange;
import io.chipledger.server.history.export.ExportFormat;
import io.chipledger.server.history.export.HandExporter;
import io.chipledger.server.history.export.Viewer;
import io.chipledger.server.store.HandHistoryMapper;
import io.chipledger.server.store.ServerSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.ibatis.session.SqlSession;

/**
 * {@code poker-server export --format pokerstars|phh|json [--player NAME] [--table ID] [--from DATE] [--to DATE]
 * [--all-cards] --out FILE [db options]}: writes stored hand histories to a file, streaming (a database cursor, each
 * hand written as it is read), so memory stays flat however many hands there are. With {@code --player} the file is
 * that player's hands as they may see them (other players' cards only where shown), unless {@code --all-cards};
 * otherwise every card is written. Dates are UTC days, both included, or ISO instants.
 */
public final class ExportCommand implements Command {

    static final String USAGE = "usage: poker-server export --format pokerstars|phh|json [--player NAME] [--table ID] "
            + "[--from DATE] [--to DATE] [--all-cards] --out FILE " + DatabaseOptions.USAGE;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final boolean terminal;

    public ExportCommand() {
        this(System.out, System.err, System.getenv(), System.console() != null);
    }

    ExportCommand(PrintStream out, PrintStream err, Map<String, String> env, boolean terminal) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.terminal = terminal;
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "export hand histories as PokerStars text, PHH or JSON: export --format F --out FILE";
    }

    /** What to export, from the command line. */
    record Plan(DatabaseOptions database, ExportFormat format, String player, Long table, DateRange range, boolean allCards,
                Path file) {

        static Plan parse(List<String> args, Map<String, String> env) {
            DatabaseOptions database = DatabaseOptions.parse(args, env);
            ExportFormat format = null;
            String player = null;
            Long table = null;
            String from = null;
            String to = null;
            boolean allCards = false;
            Path file = null;
            List<String> rest = database.remaining();
            for (int i = 0; i < rest.size(); i++) {
                String arg = rest.get(i);
                switch (arg) {
                    case "--format" -> format = ExportFormat.parse(value(rest, ++i, arg));
                    case "--player" -> player = value(rest, ++i, arg);
                    case "--table" -> table = number(arg, value(rest, ++i, arg));
                    case "--from" -> from = value(rest, ++i, arg);
                    case "--to" -> to = value(rest, ++i, arg);
                    case "--all-cards" -> allCards = true;
                    case "--out" -> file = Path.of(value(rest, ++i, arg));
                    default -> throw new IllegalArgumentException("unknown argument " + arg);
                }
            }
            if (format == null || file == null) {
                throw new IllegalArgumentException("--format and --out are required");
            }
            return new Plan(database, format, player, table, DateRange.parse(from, to), allCards, file);
        }

        private static String value(List<String> args, int i, String name) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args.get(i);
        }

        private static long number(String name, String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a number, was " + text);
            }
        }
    }

    @Override
    public int run(List<String> args) throws IOException {
        Plan plan;
        try {
            plan = Plan.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("export: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        Optional<String> missing = plan.database().missingLedger();
        if (missing.isPresent()) {
            err.println("export: " + missing.get());
            return 2;
        }
        try (Database database = Database.open(plan.database().toConfig())) {
            ServerSchema.migrate(database.dataSource());
            ServerSchema.registerMappers(database.sqlSessionFactory());
            Long playerId = null;
            if (plan.player() != null) {
                try (SqlSession session = database.sqlSessionFactory().openSession(true)) {
                    PlayerMapper.PlayerRow row = session.getMapper(PlayerMapper.class).findByName(plan.player());
                    if (row == null) {
                        err.println("export: no player named " + plan.player());
                        return 1;
                    }
                    playerId = row.id();
                }
            }
            HandHistoryMapper.HandQuery query = new HandHistoryMapper.HandQuery(playerId, plan.table(), plan.range().from(),
                    plan.range().to(), null, null);
            Viewer viewer = playerId == null || plan.allCards() ? Viewer.admin() : Viewer.player(playerId);
            HandExporter exporter = new HandExporter(database.sqlSessionFactory());
            long total = exporter.count(query);
            long started = System.nanoTime();
            HandExporter.Exported exported;
            try (Writer file = new BufferedWriter(Files.newBufferedWriter(plan.file(), StandardCharsets.UTF_8), 1 << 16)) {
                exported = exporter.stream(query, viewer, plan.format().writer(file, viewer.playerId()),
                        new ProgressBar(err, total, terminal, "hands"));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("exported %,d hands to %s (%s) in %.1f s%s%n", exported.written(), plan.file(),
                    plan.format().name().toLowerCase(), seconds,
                    exported.skipped() > 0 ? "; " + exported.skipped() + " voided hands left out (the format has none)" : "");
            out.flush();
            return 0;
        }
    }
}
