package io.chipledger.server.cli;

import io.chipledger.server.bot.BotFleet;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code poker-server bots --url ws://HOST:PORT/ws --tables N --seconds S}: seats six bots at each of N empty tables
 * of a running server over real WebSockets, lets them play for S seconds, has them cash out, and prints hands played,
 * actions, and the action-to-broadcast latency, e.g. {@code 1234 hands, 9876 actions, p50 2.1 ms, p99 9.8 ms}.
 */
final class BotsCommand implements Command {

    static final String USAGE = "poker-server bots --url ws://HOST:PORT/ws --tables N --seconds S [--per-table 6] [--think-ms T]";

    private final PrintStream out;
    private final PrintStream err;

    BotsCommand() {
        this(System.out, System.err);
    }

    BotsCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "bots";
    }

    @Override
    public String summary() {
        return "play bots against a running server and report latency: " + USAGE.substring("poker-server bots ".length());
    }

    @Override
    public int run(List<String> args) throws Exception {
        String url = null;
        int tables = 0;
        int seconds = 0;
        int perTable = 6;
        int thinkMillis = 0;
        try {
            for (int i = 0; i < args.size(); i += 2) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(args.get(i) + " needs a value");
                }
                String value = args.get(i + 1);
                switch (args.get(i)) {
                    case "--url" -> url = value;
                    case "--tables" -> tables = positive("--tables", value);
                    case "--seconds" -> seconds = positive("--seconds", value);
                    case "--per-table" -> perTable = positive("--per-table", value);
                    case "--think-ms" -> thinkMillis = positive("--think-ms", value);
                    default -> throw new IllegalArgumentException("unknown option " + args.get(i));
                }
            }
            if (url == null || !url.matches("wss?://.+")) {
                throw new IllegalArgumentException("--url ws://HOST:PORT/ws is required");
            }
            if (tables == 0 || seconds == 0) {
                throw new IllegalArgumentException("--tables and --seconds are required");
            }
        } catch (IllegalArgumentException e) {
            err.println("bots: " + e.getMessage() + "\nusage: " + USAGE);
            return 2;
        }
        int botsPerTable = perTable;
        try (BotFleet fleet = new BotFleet(url)) {
            fleet.thinkFor(Duration.ofMillis(thinkMillis));
            List<BotFleet.LobbyTable> free = fleet.lobby().stream()
                    .filter(t -> t.seated() == 0 && t.seats() >= botsPerTable).limit(tables).toList();
            if (free.size() < tables) {
                err.println("bots: the server has " + free.size() + " empty table(s) with " + botsPerTable
                        + "+ seats, not " + tables + "; start it with `serve --tables " + tables + "`");
                return 1;
            }
            long started = System.nanoTime();
            fleet.seat(free, botsPerTable, 32);
            out.printf(Locale.ROOT, "seated %d bots (%d accounts) at %d tables in %.1f s; playing for %d s%n",
                    fleet.botCount(), fleet.accountCount(), free.size(), (System.nanoTime() - started) / 1e9, seconds);
            out.flush();
            long handsBefore = fleet.hands();
            long playStart = System.nanoTime();
            Thread.sleep(Duration.ofSeconds(seconds).toMillis());
            long hands = fleet.hands() - handsBefore;
            double elapsed = (System.nanoTime() - playStart) / 1e9;
            fleet.stop(Duration.ofSeconds(60));
            out.printf(Locale.ROOT, "%d hands (%.1f hands/s), %d actions, %s; %d errors%s, %d bots still seated%s%n",
                    hands, hands / elapsed, fleet.actions(), fleet.latency().summary(), fleet.errors(),
                    fleet.errors() == 0 ? "" : " (" + fleet.errorsByCode() + ")", fleet.botsStillSeated(),
                    fleet.connectionsLost() == 0 ? "" : " (" + fleet.connectionsLost() + " connections closed by the server)");
            return fleet.botsStillSeated() == 0 ? 0 : 1;
        }
    }

    private static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a positive number, not " + value);
        }
    }
}
