package io.chipledger.server.admin;

import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.bot.PokerClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A player on a real WebSocket who sits at one table and, once told to, plays every turn passively (check, else
 * call), so a hand runs to its end. Everything the player hears is kept, for tests to wait on and inspect.
 */
final class SeatedPlayer implements AutoCloseable {

    final String name;
    final PokerClient client;
    final List<ServerMessage> heard = new CopyOnWriteArrayList<>();
    private final long tableId;
    private final int seat;
    private final Thread reader;
    private volatile boolean acting;
    private volatile boolean open = true;
    private long handId = -1;
    private boolean turnPending;

    private SeatedPlayer(String name, PokerClient client, long tableId, int seat) {
        this.name = name;
        this.client = client;
        this.tableId = tableId;
        this.seat = seat;
        this.reader = new Thread(this::read, "player-" + name);
        this.reader.setDaemon(true);
    }

    /** Registers, connects and takes the seat with {@code buyIn}; the player does not act until {@link #startActing}. */
    static SeatedPlayer sitDown(AdminFixture fixture, String name, long tableId, int seat, String buyIn) throws Exception {
        PokerClient client = PokerClient.connect(fixture.ws, fixture.register(name), name);
        String request = client.send(id -> new ClientMessage.SitDown(id, tableId, seat, Money.parse(buyIn)));
        ServerMessage reply = client.reply(request, AdminFixture.WAIT);
        if (!(reply instanceof ServerMessage.Done)) {
            client.close();
            throw new IllegalStateException(name + " could not sit down: " + reply);
        }
        SeatedPlayer player = new SeatedPlayer(name, client, tableId, seat);
        player.reader.start();
        return player;
    }

    int seat() {
        return seat;
    }

    void startActing() {
        acting = true;
        actIfMyTurn();
    }

    boolean heardEvent(Predicate<TableEvent> wanted) {
        return events().stream().anyMatch(wanted);
    }

    List<TableEvent> events() {
        return heard.stream().filter(m -> m instanceof ServerMessage.Event).map(m -> ((ServerMessage.Event) m).event()).toList();
    }

    /** Sends a request and waits for its answer (done or error), read off what the reader thread keeps. */
    ServerMessage request(java.util.function.Function<String, ClientMessage> message) throws InterruptedException {
        String id = client.send(message);
        Predicate<ServerMessage> answer = m -> (m instanceof ServerMessage.Done d && d.requestId().equals(id))
                || (m instanceof ServerMessage.Error e && id.equals(e.requestId()));
        AdminFixture.eventually(name + " is answered", () -> heard.stream().anyMatch(answer));
        return heard.stream().filter(answer).findFirst().orElseThrow();
    }

    private void read() {
        while (open) {
            try {
                ServerMessage message = client.next(java.time.Duration.ofMillis(200));
                if (message == null) {
                    continue;
                }
                heard.add(message);
                if (message instanceof ServerMessage.Event event) {
                    follow(event.event());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException closed) {
                if (open) {
                    throw closed;
                }
            }
        }
    }

    private synchronized void follow(TableEvent event) {
        if (event instanceof TableEvent.HandStarted started) {
            handId = started.handId();
            turnPending = false;
        } else if (event instanceof TableEvent.TurnStarted turn) {
            turnPending = turn.turn().seat() == seat && turn.turn().legal() != null;
        } else if (event instanceof TableEvent.PlayerActed || event instanceof TableEvent.HandEnded) {
            turnPending = false;
        }
        actIfMyTurn();
    }

    private synchronized void actIfMyTurn() {
        if (acting && turnPending) {
            turnPending = false;
            long hand = handId;
            ActionKind action = lastLegal().canCheck() ? ActionKind.CHECK : ActionKind.CALL;
            client.send(id -> new ClientMessage.Act(id, tableId, hand, action, null));
        }
    }

    private io.chipledger.protocol.TableView.LegalActions lastLegal() {
        List<TableEvent> events = events();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i) instanceof TableEvent.TurnStarted turn && turn.turn().seat() == seat && turn.turn().legal() != null) {
                return turn.turn().legal();
            }
        }
        throw new IllegalStateException(name + " has no turn to play");
    }

    @Override
    public void close() {
        open = false;
        reader.interrupt();
        client.close();
    }
}
