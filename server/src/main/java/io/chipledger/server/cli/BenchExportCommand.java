package io.chipledger.server.cli;

import io.chipledger.ledger.db.Database;
import io.chipledger.money.Money;
import io.chipledger.money.RakeRule;
import io.chipledger.server.game.holdem.HandCommand;
import io.chipledger.server.game.holdem.HoldemHand;
import io.chipledger.server.game.holdem.LegalActions;
import io.chipledger.server.game.holdem.Stakes;
import io.chipledger.server.history.export.ExportFormat;
import io.chipledger.server.history.export.Viewer;
import io.chipledger.server.history.record.GameRecord;
import io.chipledger.server.history.record.HandHistoryRecorder;
import io.chipledger.server.history.record.HandPlayer;
import io.chipledger.server.store.HandExporter;
import io.chipledger.server.store.HandHistoryMapper;
import io.chipledger.server.store.PokerTableMapper;
import io.chipledger.server.store.ServerSchema;
import io.chipledger.server.table.DeckSource;
import io.chipledger.server.table.ProvablyFairDeckSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code poker-server bench-export --hands N --format F --out FILE [--seed S] [db options]}: plays N hands on the
 * engine at a new six-seat bench table (random players, provably fair decks, 5% rake), stores their histories as the
 * tables do, then exports them with the streaming exporter and prints the export's time and the peak heap it used.
 * Run it with a small heap ({@code java -Xmx64m -jar poker-server.jar bench-export ...}) to see memory stay flat.
 * Use a scratch database: the bench table and its hands stay (histories are append-only).
 */
@Command(name = "bench-export", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Generate N hand histories at a bench table, export them streaming, and report the time and "
                + "the peak heap.", "Use a scratch database: the bench table and its hands stay."})
public final class BenchExportCommand implements Callable<Integer> {

    private static final int BATCH = 1_000;
    private static final String[] NAMES = {"ann", "ben", "cat", "dan", "eve", "fay"};

    @Spec
    private CommandSpec spec;

    @Option(names = "--hands", paramLabel = "N", description = "hands to generate at a new bench table")
    private int hands;

    @Option(names = "--table", paramLabel = "ID", description = "export an earlier bench table's hands instead")
    private Long reuse;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "pokerstars, phh or json")
    private ExportFormat format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the file to write")
    private Path file;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "the players' random choices")
    private long seed;

    @Mixin
    private DatabaseOptions database;

    private final PrintStream out;
    private final PrintStream err;

    BenchExportCommand(Terminal terminal) {
        this.out = terminal.out();
        this.err = terminal.err();
    }

    @Override
    public Integer call() throws IOException {
        if ((hands < 1) == (reuse == null)) {
            throw new ParameterException(spec.commandLine(), "give either --hands (at least 1) or --table");
        }
        try (Database db = Database.open(database.toConfig())) {
            ServerSchema.migrate(db.dataSource());
            ServerSchema.registerMappers(db.sqlSessionFactory());
            long tableId;
            if (reuse == null) {
                long started = System.nanoTime();
                tableId = generate(db, hands, seed);
                out.printf("generated %,d hands at bench table %d in %.1f s%n", hands, tableId, seconds(started));
            } else {
                tableId = reuse;
            }
            System.gc();
            HandExporter exporter = new HandExporter(db.sqlSessionFactory());
            HandHistoryMapper.HandQuery query = new HandHistoryMapper.HandQuery(null, tableId, null, null, null, null);
            long total = exporter.count(query);
            HeapWatch heap = new HeapWatch(ProgressBar.on(err, total, "hands"));
            long exportStarted = System.nanoTime();
            HandExporter.Exported exported;
            try (Writer writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
                exported = exporter.stream(query, Viewer.admin(), format.writer(writer, null), heap);
            }
            double exportSeconds = seconds(exportStarted);
            out.printf("exported %,d hands (%s, %,d bytes) in %.1f s: %,.0f hands/s%n", exported.written(),
                    format.name().toLowerCase(), Files.size(file), exportSeconds, exported.written() / exportSeconds);
            out.printf("heap used, sampled every 1,000 hands: at 10%% %.1f MiB, at 50%% %.1f MiB, at 100%% %.1f MiB, "
                            + "max %.1f MiB; live after GC at most %.1f MiB; max heap %.0f MiB%n", heap.mib(heap.atTenth),
                    heap.mib(heap.atHalf), heap.mib(heap.atEnd), heap.mib(heap.max), heap.mib(heap.maxLive),
                    Runtime.getRuntime().maxMemory() / 1048576.0);
            return 0;
        }
    }

    /** Plays and stores {@code count} hands, a batch per transaction; returns the bench table's id. */
    private long generate(Database db, int count, long seed) {
        long tableId;
        try (SqlSession session = db.sqlSessionFactory().openSession(true)) {
            tableId = session.getMapper(PokerTableMapper.class).insertTable(new PokerTableMapper.PokerTableRow(0,
                    "bench-" + System.currentTimeMillis(), "CHP", Money.parse("0.50"), Money.parse("1.00"), Money.ZERO, 6,
                    Money.parse("20.00"), Money.parse("200.00"), new BigDecimal("5"), Money.parse("3.00"), 20, 30, "CLOSED",
                    "NLHE"));
        }
        SplittableRandom random = new SplittableRandom(seed);
        DeckSource decks = new ProvablyFairDeckSource(new SecureRandom());
        GameRecord game = GameRecord.of(Stakes.blinds(Money.parse("0.50"), Money.parse("1.00")),
                new RakeRule(new BigDecimal("5"), Money.parse("3.00"), true), 6);
        Instant time = Instant.parse("2026-11-01T00:00:00Z");
        ProgressBar progress = ProgressBar.on(err, count, "hands generated");
        for (int done = 0; done < count; done += BATCH) {
            int size = Math.min(BATCH, count - done);
            String[] starts = new String[size];
            for (int i = 0; i < size; i++) {
                time = time.plusSeconds(20 + random.nextInt(40));
                starts[i] = time.toString();
            }
            try (SqlSession session = db.sqlSessionFactory().openSession(ExecutorType.SIMPLE, false)) {
                HandHistoryMapper mapper = session.getMapper(HandHistoryMapper.class);
                List<Long> ids = mapper.insertSettledHands(tableId, starts);
                for (int i = 0; i < size; i++) {
                    int button = random.nextInt(6);
                    List<HandHistoryRecorder.Participant> players = new ArrayList<>();
                    for (int k = 1; k <= 6; k++) {
                        int seat = (button + k) % 6;
                        players.add(new HandHistoryRecorder.Participant(seat, 9_000_000 + seat, NAMES[seat],
                                Money.ofCents(2_000 + random.nextInt(18_000))));
                    }
                    long handId = ids.get(i);
                    DeckSource.ShuffledDeck deck = decks.shuffle(tableId, handId);
                    Instant start = Instant.parse(starts[i]);
                    mapper.insert(HandPlayer.play(new HandPlayer.Table(tableId, "Bench", "CHP", game, button, players), handId,
                            deck.deck(), deck.record(), hand -> decide(hand, random), handId * 100, start, start.plusSeconds(15)));
                }
                session.commit();
            }
            progress.accept(done + size);
        }
        return tableId;
    }

    /** Folds a fifth of the time facing a bet, min-raises a fifth, shoves one in twenty, otherwise checks or calls. */
    private static HandCommand decide(HoldemHand hand, SplittableRandom random) {
        LegalActions legal = hand.legalActions().orElseThrow();
        int seat = hand.actor().getAsInt();
        int roll = random.nextInt(100);
        if (legal.canBetOrRaise() && roll < 5) {
            return legal.isBet() ? new HandCommand.Bet(seat, legal.maxTo()) : new HandCommand.RaiseTo(seat, legal.maxTo());
        }
        if (legal.canBetOrRaise() && roll < 25) {
            return legal.isBet() ? new HandCommand.Bet(seat, legal.minTo()) : new HandCommand.RaiseTo(seat, legal.minTo());
        }
        if (!legal.canCheck() && roll < 45) {
            return new HandCommand.Fold(seat);
        }
        return legal.canCheck() ? new HandCommand.Check(seat) : new HandCommand.Call(seat);
    }

    /**
     * Samples the heap as the export goes, to show it stays flat: used (garbage included), and what the last collection
     * left (summed over the heap pools), the largest seen.
     */
    private static final class HeapWatch implements java.util.function.LongConsumer {
        private final java.util.function.LongConsumer progress;
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported()).toList();
        long max;
        long maxLive;
        long atTenth;
        long atHalf;
        long atEnd;

        HeapWatch(java.util.function.LongConsumer progress) {
            this.progress = progress;
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        }

        @Override
        public void accept(long done) {
            progress.accept(done);
            if (done % 1_000 == 0) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                max = Math.max(max, used);
                maxLive = Math.max(maxLive, pools.stream()
                        .mapToLong(p -> p.getCollectionUsage() == null ? 0 : p.getCollectionUsage().getUsed()).sum());
                atEnd = used;
                if (atTenth == 0 && done >= 10_000) {
                    atTenth = used;
                }
                if (atHalf == 0 && done >= 50_000) {
                    atHalf = used;
                }
            }
        }

        double mib(long bytes) {
            return bytes / 1048576.0;
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
