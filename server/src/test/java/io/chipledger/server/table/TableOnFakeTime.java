package io.chipledger.server.table;

import io.chipledger.ledger.AccountKind;
import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.protocol.TableView;
import io.chipledger.server.account.Player;
import io.chipledger.server.metrics.GameMetrics;
import io.chipledger.server.net.RecordingConnection;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One table actor on fake time, an in-memory ledger and in-memory records, every executor running tasks on the
 * test's own thread: a command is carried out, committed and published before {@code send} returns (unless the test
 * holds the ledger), and timers fire only when the test moves time on. Milliseconds per test.
 */
final class TableOnFakeTime {

    static final Duration PAUSE = Duration.ofSeconds(2);
    static final SeatTimeouts TIMEOUTS = new SeatTimeouts(Duration.ofSeconds(60), Duration.ofMinutes(5));

    final InMemoryLedger ledger = new InMemoryLedger();
    final InMemoryTableRecords records = new InMemoryTableRecords();
    final FakeTime time = new FakeTime();
    /** Each guest's one connection, for news about the player (their wallet). */
    private final Map<Long, RecordingConnection> connections = new ConcurrentHashMap<>();
    final PlayerNews online = (playerId, message) -> {
        RecordingConnection connection = connections.get(playerId);
        if (connection != null) {
            connection.send(message);
        }
    };
    final GameMetrics metrics = GameMetrics.unregistered();
    final TableConfig config;
    final TableActor actor;
    private final AtomicInteger requests = new AtomicInteger();
    private long nextPlayer = 1;

    TableOnFakeTime() {
        this(TableConfig.standard(7, "Fake", Money.parse("0.50"), Money.parse("1.00"), 6));
    }

    TableOnFakeTime(TableConfig config) {
        this(config, new ProvablyFairDeckSource(new SecureRandom()));
    }

    /** A table dealing from {@code decks}, e.g. a {@link StackedDeckSource} to arrange a showdown. */
    TableOnFakeTime(TableConfig config, DeckSource decks) {
        this.config = config;
        Executor here = Runnable::run;
        TableServices services = new TableServices(ledger, records, records, decks,
                time, time, TIMEOUTS, metrics, online, here, here);
        this.actor = TableActor.open(config, services, PAUSE);
    }

    /** A player with a funded wallet and one connection to the table. */
    final class Guest {
        final Player player;
        final RecordingConnection connection = new RecordingConnection();

        Guest(Player player) {
            this.player = player;
            connections.put(player.id(), connection);
        }

        /** Sends a table message built from a fresh requestId; returns that requestId. */
        String send(Function<String, ClientMessage> message) {
            String requestId = "r" + requests.incrementAndGet();
            actor.receive(connection, player, message.apply(requestId));
            return requestId;
        }

        ServerMessage answer(String requestId) {
            return connection.answerTo(requestId);
        }

        String act(ActionKind action) {
            return act(action, null);
        }

        String act(ActionKind action, String amount) {
            long hand = lastHandId();
            return send(r -> new ClientMessage.Act(r, config.id(), hand, action, amount == null ? null : Money.parse(amount)));
        }

        long lastHandId() {
            List<TableEvent.HandStarted> started = connection.events(TableEvent.HandStarted.class);
            return started.get(started.size() - 1).handId();
        }

        /** The latest turn this guest was told of (with the options when it is theirs). */
        TableView.Turn lastTurn() {
            List<TableEvent.TurnStarted> turns = connection.events(TableEvent.TurnStarted.class);
            return turns.isEmpty() ? null : turns.get(turns.size() - 1).turn();
        }

        boolean toAct() {
            TableView.Turn turn = lastTurn();
            return turn != null && turn.legal() != null && !handOver();
        }

        private boolean handOver() {
            List<TableEvent> events = connection.events();
            for (int i = events.size() - 1; i >= 0; i--) {
                if (events.get(i) instanceof TableEvent.TurnStarted) {
                    return false;
                }
                if (events.get(i) instanceof TableEvent.HandEnded || events.get(i) instanceof TableEvent.HandVoided) {
                    return true;
                }
            }
            return false;
        }

        Money wallet() {
            return ledger.balance(ledger.openAccount(AccountKind.WALLET, player.ledgerOwner(), "CHP").id());
        }

        Money seatBalance() {
            return ledger.balance(ledger.openAccount(AccountKind.SEAT, config.ledgerOwner() + "/" + player.ledgerOwner(), "CHP").id());
        }
    }

    /** A player with 1,000.00 in the wallet, not yet at the table. */
    Guest guest(String name) {
        Player player = new Player(nextPlayer++, name, Player.Role.PLAYER, false);
        ledger.fund(player.ledgerOwner(), "1000.00");
        return new Guest(player);
    }

    /** A player who sat down in {@code seat} with {@code buyIn}. */
    Guest seated(String name, int seat, String buyIn) {
        Guest guest = guest(name);
        String requestId = guest.send(r -> new ClientMessage.SitDown(r, config.id(), seat, Money.parse(buyIn)));
        if (!(guest.answer(requestId) instanceof ServerMessage.Done)) {
            throw new IllegalStateException(name + " could not sit: " + guest.answer(requestId));
        }
        return guest;
    }

    Money pot() {
        return ledger.balance(ledger.openAccount(AccountKind.POT, config.ledgerOwner(), "CHP").id());
    }

    /** Moves time past the pause between hands, so a hand due is dealt. */
    void dealNextHand() {
        time.advance(PAUSE);
    }

    void advance(Duration duration) {
        time.advance(duration);
    }
}
