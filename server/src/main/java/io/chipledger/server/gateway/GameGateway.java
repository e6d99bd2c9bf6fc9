package io.chipledger.server.gateway;

import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Ledger;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ProtocolJson;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.server.account.Player;
import io.chipledger.server.account.PlayerDirectory;
import io.chipledger.server.net.ClientConnection;
import io.chipledger.server.net.ClientGateway;
import io.chipledger.server.table.TableActor;
import io.chipledger.server.table.TableDirectory;
import io.chipledger.server.table.TableLocator;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The game's side of the WebSocket: opens sessions ({@code hello}), answers pings, and hands every table message to
 * its table's actor. Runs on event loops, so it only looks things up and enqueues; authentication completes on the
 * worker.
 */
public final class GameGateway implements ClientGateway {

    private final PlayerDirectory players;
    private final TableDirectory tables;
    private final Ledger ledger;
    private final Executor worker;
    private final String currency;
    private final PlayerConnections online;
    private final SessionSockets sessionSockets;
    private final Map<ClientConnection, Session> sessions = new ConcurrentHashMap<>();
    /** Kept long enough for a dropped connection to come back and send its unanswered requests again. */
    private final AnsweredRequests answered = new AnsweredRequests(Duration.ofMinutes(30));

    /** Where tables not served here are, on a game node among others; null for a server alone. */
    private final TableLocator elsewhere;

    public GameGateway(PlayerDirectory players, TableDirectory tables, PlayerConnections online, Ledger ledger,
                       Executor worker, String currency, SessionSockets sessionSockets) {
        this(players, tables, online, ledger, worker, currency, sessionSockets, null);
    }

    /**
     * As a game node among others: a message for a table this node does not serve is answered {@code TABLE_MOVED}
     * with where it is served ({@code elsewhere}, asked on the worker), when it is served at all.
     */
    public GameGateway(PlayerDirectory players, TableDirectory tables, PlayerConnections online, Ledger ledger,
                       Executor worker, String currency, SessionSockets sessionSockets, TableLocator elsewhere) {
        this.elsewhere = elsewhere;
        this.sessionSockets = sessionSockets;
        this.players = players;
        this.online = online;
        this.tables = tables;
        this.ledger = ledger;
        this.worker = worker;
        this.currency = currency;
    }

    /**
     * The table is not served here: {@code TABLE_MOVED} and where it is (url null while a takeover is under way), or
     * {@code TABLE_NOT_FOUND} when there is no such table open anywhere. On the worker: it reads the database.
     */
    private void answerServedElsewhere(ClientConnection connection, String requestId, long tableId) {
        Optional<TableLocator.Route> route;
        try {
            route = elsewhere.locate(tableId);
        } catch (RuntimeException databaseAway) {
            route = Optional.of(new TableLocator.Route(tableId, false, null, null));
        }
        if (route.isEmpty()) {
            connection.send(new ServerMessage.Error(requestId, ErrorCode.TABLE_NOT_FOUND, "no table " + tableId));
            return;
        }
        String url = route.get().served() ? route.get().url() : null;
        connection.send(new ServerMessage.Error(requestId, ErrorCode.TABLE_MOVED, url == null
                ? "table " + tableId + " is being taken over by another node: look it up again in a moment"
                : "table " + tableId + " is served at " + url));
        connection.send(new ServerMessage.TableMoved(tableId, url));
    }

    /** What the gateway knows of one connection. */
    private static final class Session {
        volatile Player player;
        /** The login session this connection said hello with: requestIds are unique within it. */
        volatile String token;
        /** The tables it sent to; made at the first, since most connections idle in the lobby (docs/performance.md). */
        private volatile Set<Long> tables;

        /** Called on the connection's event loop only, as every message of one connection is. */
        Set<Long> tables() {
            Set<Long> known = tables;
            if (known == null) {
                known = ConcurrentHashMap.newKeySet();
                tables = known;
            }
            return known;
        }
    }

    /** Connections open now. */
    public long connections() {
        return sessions.size();
    }


    @Override
    public void opened(ClientConnection connection) {
        sessions.put(connection, new Session());
    }

    @Override
    public void received(ClientConnection connection, ClientMessage message) {
        received(connection, message, System.nanoTime());
    }

    @Override
    public void received(ClientConnection connection, ClientMessage message, long receivedNanos) {
        Session session = sessions.get(connection);
        if (session == null) {
            return; // closed meanwhile
        }
        if (message instanceof ClientMessage.Ping ping) {
            connection.send(new ServerMessage.Pong(ping.requestId()));
        } else if (message instanceof ClientMessage.Hello hello) {
            hello(connection, session, hello);
        } else if (session.player == null) {
            connection.send(new ServerMessage.Error(message.requestId(), ErrorCode.HELLO_REQUIRED, "send hello first and wait for welcome"));
        } else if (message instanceof ClientMessage.TableMessage tableMessage) {
            long tableId = tableMessage.tableId();
            TableActor table = tables.find(tableId).orElse(null);
            if (table == null) {
                if (elsewhere == null) {
                    connection.send(new ServerMessage.Error(message.requestId(), ErrorCode.TABLE_NOT_FOUND, "no table " + tableId));
                } else {
                    worker.execute(() -> answerServedElsewhere(connection, message.requestId(), tableId));
                }
                return;
            }
            session.tables().add(tableId);
            send(connection, session, table, message, receivedNanos);
        }
    }

    /**
     * Hands the message to its table, unless the session sent it before: then it gets the answer it got then (watching
     * is not remembered: each connection watches for itself).
     */
    private void send(ClientConnection connection, Session session, TableActor table, ClientMessage message,
                      long receivedNanos) {
        // The session's Player was read at hello; a freeze since then must hold for this message.
        Player player = players.current(session.player);
        if (message instanceof ClientMessage.Watch || message instanceof ClientMessage.Unwatch) {
            table.receive(connection, player, message);
            return;
        }
        AnsweredRequests.Claim claim = answered.claim(session.token, message);
        if (claim instanceof AnsweredRequests.Reused reused) {
            connection.send(reused.refusal());
        } else if (claim instanceof AnsweredRequests.Again again) {
            again.answer().thenAccept(answer -> {
                if (answer != null) {
                    connection.send(answer);
                }
            });
        } else if (claim instanceof AnsweredRequests.First first) {
            table.receive(connection, player, message, receivedNanos)
                    .whenComplete((answer, failure) -> first.answered(answer));
        }
    }

    @Override
    public void closed(ClientConnection connection) {
        Session session = sessions.remove(connection);
        sessionSockets.closed(connection);
        if (session != null && session.player != null) {
            online.closed(session.player.id(), connection);
        }
        if (session != null && session.tables != null) {
            session.tables.forEach(id -> tables.find(id).ifPresent(t -> t.disconnected(connection)));
        }
    }

    private void hello(ClientConnection connection, Session session, ClientMessage.Hello hello) {
        if (hello.protocolVersion() != ProtocolJson.PROTOCOL_VERSION) {
            connection.send(new ServerMessage.Error(hello.requestId(), ErrorCode.UNSUPPORTED_VERSION,
                    "this server speaks protocol version " + ProtocolJson.PROTOCOL_VERSION));
            return;
        }
        players.session(hello.token()).thenCompose(live -> {
            Optional<Player> player = live.map(PlayerDirectory.LiveSession::player);
            if (player.isEmpty()) {
                connection.send(new ServerMessage.Error(hello.requestId(), ErrorCode.UNAUTHORIZED, "the session is unknown or expired; log in again"));
                return CompletableFuture.completedFuture(null);
            }
            return CompletableFuture.runAsync(() -> {
                var wallet = ledger.openAccount(AccountKind.WALLET, player.get().ledgerOwner(), currency);
                session.token = hello.token();
                session.player = player.get();
                online.opened(player.get().id(), connection);
                sessionSockets.opened(connection, live.get());
                if (!sessions.containsKey(connection)) {
                    online.closed(player.get().id(), connection); // it closed while the session opened
                    sessionSockets.closed(connection);
                }
                connection.send(new ServerMessage.Welcome(hello.requestId(), ProtocolJson.PROTOCOL_VERSION, player.get().name(),
                        wallet.balance(), players.frozenNotice(player.get().id()).orElse(null)));
            }, worker);
        }).exceptionally(failure -> {
            connection.send(new ServerMessage.Error(hello.requestId(), ErrorCode.INTERNAL, "could not open the session"));
            return null;
        });
    }
}
