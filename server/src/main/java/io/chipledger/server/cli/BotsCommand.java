package io.chipledger.server.cli;

import io.chipledger.server.bot.AcknowledgementLog;
import io.chipledger.server.bot.BotFleet;
import io.chipledger.server.bot.NoticeLog;
import io.chipledger.server.bot.SitAndGoFleet;
import io.chipledger.server.game.holdem.Variant;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code poker-server bots --url ws://HOST:PORT/ws --tables N --seconds S [--game PLO]}: seats six bots at each of N
 * empty tables (of that game) of a running server over real WebSockets, lets them play for S seconds, has them cash
 * out, and prints hands played, actions, and the action-to-broadcast latency, e.g.
 * {@code 1234 hands, 9876 actions, p50 2.1 ms, p99 9.8 ms}.
 * With {@code --sng N} instead of {@code --tables}, bots keep N sit-and-gos filled and played to the end for S seconds
 * and it prints the tournaments finished per minute.
 */
@Command(name = "bots", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Play bots against a running server over real WebSockets and report hands, actions and the "
                + "action-to-broadcast latency.", "Start the server with serve --tables N first."})
final class BotsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "ws://HOST:PORT/ws", description = "the server's WebSocket")
    private String url;

    @Option(names = "--tables", paramLabel = "N", description = "empty tables to seat bots at")
    private int tables;

    @Option(names = "--sng", paramLabel = "N", description = "sit-and-gos to keep filled and played (instead of --tables);"
            + " the server needs a tournament template, e.g. levels by hands")
    private int sitAndGos;

    @Option(names = "--seconds", required = true, paramLabel = "S", description = "how long they play (SIGTERM ends the play sooner, with the same cash-out and figures)")
    private int seconds;

    @Option(names = "--per-table", paramLabel = "N", defaultValue = "6", description = "bots per table")
    private int perTable;

    @Option(names = "--tables-per-account", paramLabel = "N", defaultValue = "24",
            description = "tables one bot account sits at, at most, as a player who plays many at once (default: 24)")
    private int tablesPerAccount;

    @Option(names = "--think-ms", paramLabel = "T", defaultValue = "0",
            description = "think about this long before each action, as people do (default: act at once)")
    private int thinkMillis;

    @Option(names = "--game", paramLabel = "GAME",
            description = "seat bots only at tables of this game: NLHE or PLO (default: any)")
    private String game;

    @Option(names = "--follow-via", paramLabel = "URL", split = ",",
            description = "game nodes (http://HOST:PORT, comma-separated) to look a moved table up at: bots follow "
                    + "their table when it moves to another node (docs/cluster.md)")
    private List<String> followVia = List.of();

    @Option(names = "--acked", paramLabel = "FILE",
            description = "write down every chip movement the server acknowledged to a bot (kind, table, player, "
                    + "request or hand), one tab-separated line each, to check against the journal afterwards")
    private java.nio.file.Path acked;

    @Option(names = "--notices", paramLabel = "FILE",
            description = "write down every pause and resumption a table announced to its bots (time, table, "
                    + "paused|resumed, reason), one tab-separated line each")
    private java.nio.file.Path notices;

    private final PrintStream out;
    private final CountDownLatch stopEarly = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    BotsCommand(Terminal terminal) {
        this.out = terminal.out();
    }

    private String gameCode() {
        try {
            return Variant.ofCode(game).code();
        } catch (IllegalArgumentException unknown) {
            throw new ParameterException(spec.commandLine(), "--game: " + unknown.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!url.matches("wss?://.+")) {
            throw new ParameterException(spec.commandLine(), "--url takes ws://HOST:PORT/ws, not " + url);
        }
        Ranges.positive(spec, "--seconds", seconds);
        if ((tables == 0) == (sitAndGos == 0)) {
            throw new ParameterException(spec.commandLine(), "give --tables N (cash tables) or --sng N (sit-and-gos), one of the two");
        }
        if (sitAndGos != 0) {
            Ranges.positive(spec, "--sng", sitAndGos);
            return playSitAndGos();
        }
        Ranges.positive(spec, "--tables", tables);
        Ranges.positive(spec, "--per-table", perTable);
        Ranges.check(spec, "--think-ms", thinkMillis, 0, Integer.MAX_VALUE);
        int botsPerTable = perTable;
        String only = game == null ? null : gameCode();
        stopEarlyOnSigterm();
        try (BotFleet fleet = new BotFleet(url);
             AcknowledgementLog log = acked == null ? null : new AcknowledgementLog(acked);
             NoticeLog told = notices == null ? null : new NoticeLog(notices)) {
            fleet.thinkFor(Duration.ofMillis(thinkMillis));
            fleet.tablesPerAccount(tablesPerAccount);
            fleet.followMovesVia(followVia);
            if (log != null) {
                fleet.recordAcknowledgementsTo(log);
            }
            if (told != null) {
                fleet.recordNoticesTo(told);
            }
            List<BotFleet.LobbyTable> free = fleet.lobby().stream()
                    .filter(t -> t.seated() == 0 && t.seats() >= botsPerTable)
                    .filter(t -> only == null || only.equalsIgnoreCase(t.game())).limit(tables).toList();
            if (free.size() < tables) {
                String of = only == null ? "" : " of " + only;
                throw new UserError(1, "the server has " + free.size() + " empty table(s)" + of + " with " + botsPerTable
                        + "+ seats, not " + tables + "; start it with `serve --tables " + tables
                        + (only == null ? "" : " --game " + only) + "`");
            }
            long started = System.nanoTime();
            fleet.seat(free, botsPerTable, 32);
            out.printf(Locale.ROOT, "seated %d bots (%d accounts) at %d tables in %.1f s; playing for %d s%n",
                    fleet.botCount(), fleet.accountCount(), free.size(), (System.nanoTime() - started) / 1e9, seconds);
            out.flush();
            long handsBefore = fleet.hands();
            long playStart = System.nanoTime();
            stopEarly.await(seconds, TimeUnit.SECONDS);
            long hands = fleet.hands() - handsBefore;
            double elapsed = (System.nanoTime() - playStart) / 1e9;
            fleet.stop(Duration.ofSeconds(60));
            out.printf(Locale.ROOT, "%d hands (%.1f hands/s), %d actions%s, %s; %d errors%s, %d bots still seated%s%n",
                    hands, hands / elapsed, fleet.actions(),
                    fleet.actionsRefused() == 0 ? "" : " (" + fleet.actionsRefused() + " refused)",
                    fleet.latency().summary(), fleet.errors(),
                    fleet.errors() == 0 ? "" : " (" + fleet.errorsByCode() + ")", fleet.botsStillSeated(),
                    fleet.connectionsLost() == 0 ? "" : " (" + fleet.connectionsLost() + " connections closed by the server)");
            if (!followVia.isEmpty()) {
                out.printf(Locale.ROOT, "bots followed their table to another node %d time(s)%n", fleet.tablesFollowed());
            }
            out.flush();
            return fleet.botsStillSeated() == 0 ? 0 : 1;
        } finally {
            finished.countDown();
        }
    }

    /**
     * SIGTERM ends the play early, as the end of --seconds does: the bots leave, cash out and the figures are printed
     * before the JVM exits (a harness stops them when its faults are over, however long those took).
     */
    private void stopEarlyOnSigterm() {
        Thread hook = new Thread(() -> {
            stopEarly.countDown();
            try {
                finished.await(90, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bots-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Keeps {@code --sng} sit-and-gos of the server's first template registering filled and played for the time given. */
    private int playSitAndGos() throws Exception {
        SitAndGoFleet fleet = new SitAndGoFleet(url);
        SitAndGoFleet.Template template = fleet.firstTemplate();
        if (template == null) {
            throw new UserError(1, "no sit-and-go is registering: create a tournament template in the admin console first");
        }
        out.printf(Locale.ROOT, "filling %d sit-and-go(s) of \"%s\" (%d seats) for %d s%n", sitAndGos, template.name(),
                template.seats(), seconds);
        out.flush();
        long started = System.nanoTime();
        fleet.run(template, sitAndGos, Duration.ofSeconds(seconds));
        double minutes = (System.nanoTime() - started) / 60e9;
        out.printf(Locale.ROOT, "%d sit-and-gos finished in %.1f min (%.2f per minute), %d actions; %d errors%n",
                fleet.finished(), minutes, fleet.finished() / minutes, fleet.actions(), fleet.errors());
        return fleet.errors() == 0 ? 0 : 1;
    }
}
