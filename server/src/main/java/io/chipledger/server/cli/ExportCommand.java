package io.chipledger.server.cli;

import io.chipledger.ledger.db.Database;
import io.chipledger.server.account.PlayerMapper;
import io.chipledger.server.history.export.DateRange;
import io.chipledger.server.history.export.ExportFormat;
import io.chipledger.server.history.export.Viewer;
import io.chipledger.server.store.HandExporter;
import io.chipledger.server.store.HandHistoryMapper;
import io.chipledger.server.store.ServerSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.ibatis.session.SqlSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code poker-server export --format pokerstars|phh|json [--player NAME] [--table ID] [--from DATE] [--to DATE]
 * [--all-cards] --out FILE [db options]}: writes stored hand histories to a file, streaming (a database cursor, each
 * hand written as it is read), so memory stays flat however many hands there are. With {@code --player} the file is
 * that player's hands as they may see them (other players' cards only where shown), unless {@code --all-cards};
 * otherwise every card is written. Dates are UTC days, both included, or ISO instants.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = "Export hand histories as PokerStars text, PHH or JSON, streaming.")
public final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "pokerstars, phh or json")
    private ExportFormat format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the file to write")
    private Path file;

    @Option(names = "--player", paramLabel = "NAME",
            description = "only this player's hands, as they may see them (others' cards only where shown)")
    private String player;

    @Option(names = "--table", paramLabel = "ID", description = "only this table's hands")
    private Long table;

    @Option(names = "--from", paramLabel = "DATE", description = "from this UTC day (2026-11-01) or instant, included")
    private String from;

    @Option(names = "--to", paramLabel = "DATE", description = "to this UTC day or instant, included")
    private String to;

    @Option(names = "--all-cards", description = "with --player: every card, as an administrator sees them (PokerStars "
            + "text stays one hero's view: that player's, with the cards mucked at showdown)")
    private boolean allCards;

    @Mixin
    private DatabaseOptions database;

    private final Terminal terminal;

    ExportCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws IOException {
        DateRange range;
        try {
            range = DateRange.parse(from, to);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        database.requireLedger();
        try (Database opened = Database.openOrJoin(database.toConfig())) {
            ServerSchema.migrate(opened.dataSource());
            ServerSchema.registerMappers(opened.sqlSessionFactory());
            Long playerId = player == null ? null : playerId(opened, player);
            HandHistoryMapper.HandQuery query = new HandHistoryMapper.HandQuery(playerId, table, range.from(), range.to(),
                    null, null);
            Viewer viewer = playerId == null || allCards ? Viewer.admin() : Viewer.player(playerId);
            HandExporter exporter = new HandExporter(opened.sqlSessionFactory());
            long total = exporter.count(query);
            long started = System.nanoTime();
            HandExporter.Exported exported;
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
                exported = exporter.stream(query, viewer, format.writer(out, playerId),
                        new ProgressBar(terminal.err(), total, terminal.interactive(), "hands"));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            terminal.out().printf("exported %,d hands to %s (%s) in %.1f s%s%n", exported.written(), file,
                    format.name().toLowerCase(), seconds,
                    exported.skipped() > 0 ? "; " + exported.skipped() + " voided hands left out (the format has none)" : "");
            terminal.out().flush();
            return 0;
        }
    }

    private static long playerId(Database opened, String name) {
        try (SqlSession session = opened.sqlSessionFactory().openSession(true)) {
            PlayerMapper.PlayerRow row = session.getMapper(PlayerMapper.class).findByName(name);
            if (row == null) {
                throw new UserError(1, "no player named " + name);
            }
            return row.id();
        }
    }
}
