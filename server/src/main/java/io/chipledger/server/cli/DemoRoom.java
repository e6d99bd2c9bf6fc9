package io.chipledger.server.cli;

import io.chipledger.money.Money;
import io.chipledger.server.GameServer;
import io.chipledger.server.account.Player;
import io.chipledger.server.admin.DemoBotAccounts;
import io.chipledger.server.bot.BotFleet;
import io.chipledger.server.game.holdem.Variant;
import io.chipledger.server.table.TableActor;
import io.chipledger.server.table.TableConfig;
import io.chipledger.server.table.TableDirectory;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code serve --tables N --demo-bots M [--game PLO]} adds to a room: at least N open tables of the game with six
 * or more seats (plain 6-max 0.50/1.00 tables are opened as needed), and four bots at each of M six-seat tables of it,
 * connected over the server's own WebSocket like any player, leaving seats free so a new user has someone to play
 * against. The bots play as the same accounts every start ({@link DemoBotAccounts}).
 */
final class DemoRoom implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoRoom.class);
    static final int BOTS_PER_TABLE = 4;

    private final BotFleet fleet;

    private DemoRoom(BotFleet fleet) {
        this.fleet = fleet;
    }

    static DemoRoom open(GameServer server, Variant game, int tables, int demoBots, Money welcomeGrant) throws Exception {
        int open = (int) server.tables().all().stream()
                .filter(t -> t.config().seatCount() >= 6 && t.config().variant() == game).count();
        for (int n = open + 1; n <= tables; n++) {
            server.tables().create(plainTable(game, "Table " + n));
        }
        if (demoBots == 0) {
            return new DemoRoom(null);
        }
        BotFleet fleet = new BotFleet("ws://127.0.0.1:" + server.port() + "/ws", sameBotsAsBefore(server, welcomeGrant));
        List<BotFleet.LobbyTable> empty = fleet.lobby().stream().filter(t -> freeFor(t, game)).toList();
        for (int n = empty.size() + 1; n <= demoBots; n++) {
            TableActor created = server.tables().create(plainTable(game, "Demo " + n));
            log.info("opened table {} for bots", created.config().name());
        }
        List<BotFleet.LobbyTable> chosen = fleet.lobby().stream().filter(t -> freeFor(t, game)).limit(demoBots).toList();
        fleet.seat(chosen, BOTS_PER_TABLE, 8);
        return new DemoRoom(fleet);
    }

    /** A 6-max 0.50/1.00 table of the game; a Pot-Limit Omaha one is named so ("PLO Table 3"). */
    private static TableConfig plainTable(Variant game, String name) {
        String named = game == Variant.NO_LIMIT_TEXAS_HOLDEM ? name : game.code() + " " + name;
        return TableDirectory.plainTable(named, Money.parse("0.50"), Money.parse("1.00"), 6).withVariant(game);
    }

    private static boolean freeFor(BotFleet.LobbyTable table, Variant game) {
        return table.seated() == 0 && table.seats() >= 6 && table.game().equalsIgnoreCase(game.code());
    }

    /** How many bots sit at the demo tables. */
    int bots() {
        return fleet == null ? 0 : fleet.botCount();
    }

    /** The bot accounts of earlier starts first, in the order they were made; new ones only when those run out. */
    private static BotFleet.Accounts sameBotsAsBefore(GameServer server, Money welcomeGrant) {
        DemoBotAccounts accounts = new DemoBotAccounts(server.database().sqlSessionFactory(), server.players(),
                GameServer.welcomeGrant(server.ledger(), welcomeGrant, Runnable::run));
        Iterator<Player> earlier = accounts.existing().iterator();
        return () -> {
            Player bot = earlier.hasNext() ? earlier.next() : accounts.create();
            return new BotFleet.Credentials(bot.name(), accounts.session(bot));
        };
    }

    /** The bots leave (cashing out) before the server stops. */
    @Override
    public void close() {
        if (fleet == null) {
            return;
        }
        try {
            fleet.stop(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fleet.close();
    }
}
