package io.chipledger.server.play;

import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.audit.AuditReport;
import io.chipledger.ledger.audit.LedgerAuditor;
import io.chipledger.money.Money;
import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.GameServer;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.store.PokerTableMapper;
import io.chipledger.server.table.TableDirectory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real game server on the embedded PostgreSQL and a loopback port, for tests that play over WebSockets as clients
 * would: players log in over HTTP, connect, and the test reads the ledger to check what they were told.
 */
final class LiveServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final ServerSettings settings;
    // Set when the server starts, before the test class's @BeforeAll methods and its tests.
    GameServer server;
    String http;
    String ws;

    private LiveServer(ServerSettings settings) {
        this.settings = settings;
    }

    /**
     * The server of a test class, registered as {@code @RegisterExtension static final LiveServer live}: started
     * before the class's tests, stopped after them.
     */
    static LiveServer forEachTestClass(ServerSettings settings) {
        return new LiveServer(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws InterruptedException {
        server = GameServer.start(SharedPostgres.freshDatabase(), settings);
        http = "http://127.0.0.1:" + server.port();
        ws = "ws://127.0.0.1:" + server.port() + "/ws";
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Opens a plain No-Limit table (blinds 0.50/1.00, buy-in 20 to 100) and returns its id. */
    long openTable(String name, int seats) {
        return server.tables().create(TableDirectory.plainTable(name, Money.parse("0.50"), Money.parse("1.00"), seats)).config().id();
    }

    /** A table whose clock runs fast (1 s to act, no time bank), for tests where players time out. */
    long openFastTable(String name, int seats) {
        PokerTableMapper.PokerTableRow plain = TableDirectory.plainTable(name, Money.parse("0.50"), Money.parse("1.00"), seats);
        return server.tables().create(new PokerTableMapper.PokerTableRow(0, name, plain.currency(), plain.smallBlind(),
                plain.bigBlind(), plain.ante(), seats, plain.minBuyIn(), plain.maxBuyIn(), plain.rakePercent(),
                plain.rakeCap(), 1, 0, "OPEN")).config().id();
    }

    /** Registers (or logs in) {@code name} and opens a session over a new WebSocket. */
    PokerClient connect(String name) throws Exception {
        return PokerClient.connect(ws, token(name), name);
    }

    String token(String name) throws Exception {
        return PokerClient.token(http, name, name + "-password");
    }

    Money wallet(String name) {
        return balance(AccountKind.WALLET, playerRef(name));
    }

    Money seat(long tableId, String name) {
        return balance(AccountKind.SEAT, "table:" + tableId + "/" + playerRef(name));
    }

    Money pot(long tableId) {
        return balance(AccountKind.POT, "table:" + tableId);
    }

    /**
     * Every chip at the table, its seats and its pot, read in one statement: one snapshot of the ledger, so a hand
     * moving chips between them meanwhile cannot make the sum look wrong, as reading the accounts one by one could.
     */
    Money chipsOnTable(long tableId) {
        String table = "table:" + tableId;
        try (Connection connection = server.database().dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT coalesce(sum(balance), 0) FROM account WHERE currency = ? AND"
                             + " ((kind = 'SEAT' AND starts_with(owner_ref, ?)) OR (kind = 'POT' AND owner_ref = ?))")) {
            query.setString(1, GameServer.CURRENCY);
            query.setString(2, table + "/");
            query.setString(3, table);
            try (ResultSet sum = query.executeQuery()) {
                sum.next();
                return Money.of(sum.getBigDecimal(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the chips on table " + tableId, e);
        }
    }

    private Money balance(AccountKind kind, String owner) {
        return server.ledger().findAccount(kind, owner, GameServer.CURRENCY).map(a -> a.balance()).orElse(Money.ZERO);
    }

    private String playerRef(String name) {
        return server.players().find(name).join().orElseThrow().ledgerOwner();
    }

    AuditReport audit() {
        return new LedgerAuditor(server.database().sqlSessionFactory()).audit();
    }

    /** Reads until a table event of {@code type} matching {@code wanted} arrives; throws if none does in time. */
    static <E extends TableEvent> E awaitEvent(PokerClient client, Class<E> type, Predicate<E> wanted) throws InterruptedException {
        ServerMessage message = client.await(m -> m instanceof ServerMessage.Event e && type.isInstance(e.event())
                && wanted.test(type.cast(e.event())), WAIT);
        return type.cast(((ServerMessage.Event) message).event());
    }

    static <E extends TableEvent> E awaitEvent(PokerClient client, Class<E> type) throws InterruptedException {
        return awaitEvent(client, type, e -> true);
    }

    /**
     * From now on the client plays its own turns at this table as a passive player (check, else call) and is read
     * only through {@code onMessage}; use another client to wait for events.
     */
    static void playPassively(PokerClient client, long tableId) {
        playPassively(client, tableId, -1);
    }

    /** As {@link #playPassively(PokerClient, long)}, for a client that already saw hand {@code currentHand} start. */
    static void playPassively(PokerClient client, long tableId, long currentHand) {
        long[] hand = {currentHand};
        client.listen(message -> {
            if (message instanceof ServerMessage.Event e && e.tableId() == tableId) {
                if (e.event() instanceof TableEvent.HandStarted started) {
                    hand[0] = started.handId();
                } else if (e.event() instanceof TableEvent.TurnStarted turn && turn.turn().legal() != null) {
                    ActionKind action = turn.turn().legal().canCheck() ? ActionKind.CHECK : ActionKind.CALL;
                    client.send(r -> new ClientMessage.Act(r, tableId, hand[0], action, null));
                }
            }
        });
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
