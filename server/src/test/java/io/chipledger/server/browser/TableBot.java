package io.chipledger.server.browser;

import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.bot.PokerClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A third player at a browser test's table, over a real WebSocket: it plays a fixed policy on its own thread (the
 * socket's), buys back in when it busts, and keeps every table event it hears so the test can compare the pages with
 * what the server said.
 */
final class TableBot implements AutoCloseable {

    enum Policy {
        /** Check when free, call otherwise: every hand it plays reaches showdown. */
        CHECK_OR_CALL,
        /**
         * All-in at every decision until a side pot has been awarded at the table (with a short stack, its all-ins
         * make side pots), then check or call.
         */
        ALL_IN_UNTIL_SIDE_POT
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long RATE_LIMIT_PAUSE_MILLIS = 200;

    private final PokerClient client;
    private final String name;
    private final long tableId;
    private final int seat;
    private final Money buyIn;
    private final List<ServerMessage.Event> heard = new ArrayList<>();
    private volatile Policy policy;
    private long handId = -1;
    private Money stack;
    private boolean refilling;
    /** The last action sent, to send again if the server refuses it for going over the message rate. */
    private SentAct lastAct;

    private record SentAct(String requestId, long hand, ActionKind action) {
    }

    private TableBot(PokerClient client, String name, long tableId, int seat, Money buyIn, Policy policy) {
        this.client = client;
        this.name = name;
        this.tableId = tableId;
        this.seat = seat;
        this.buyIn = buyIn;
        this.stack = buyIn;
        this.policy = policy;
    }

    /** Registers, watches the table, buys in at {@code seat} and starts playing. */
    static TableBot sitDown(String http, String ws, String name, long tableId, int seat, Money buyIn, Policy policy) throws Exception {
        PokerClient client = PokerClient.connect(ws, PokerClient.token(http, name, name + "-password"), name);
        // The hand in progress, from the snapshot and from any hand that starts while the bot sits down: without it
        // a bot that sits while the table plays would act in a hand it does not know and never be answered.
        long[] hand = {-1};
        Predicate<ServerMessage> handSeen = message -> {
            if (message instanceof ServerMessage.Snapshot snapshot && snapshot.tableId() == tableId
                    && snapshot.table().handId() != null) {
                hand[0] = snapshot.table().handId();
            } else if (message instanceof ServerMessage.Event event && event.tableId() == tableId
                    && event.event() instanceof TableEvent.HandStarted started) {
                hand[0] = started.handId();
            }
            return false;
        };
        String watch = client.send(id -> new ClientMessage.Watch(id, tableId, null));
        client.await(handSeen.or(PokerClient.replyTo(watch)), WAIT);
        String sit = client.send(id -> new ClientMessage.SitDown(id, tableId, seat, buyIn));
        ServerMessage reply = client.await(handSeen.or(PokerClient.replyTo(sit)), WAIT);
        if (!(reply instanceof ServerMessage.Done)) {
            throw new IllegalStateException(name + " could not sit down: " + reply);
        }
        TableBot bot = new TableBot(client, name, tableId, seat, buyIn, policy);
        bot.handId = hand[0];
        client.listen(bot::onMessage);
        return bot;
    }

    String name() {
        return name;
    }

    /** Every event heard so far that matches, in order. */
    synchronized <T extends TableEvent> List<T> events(Class<T> type, Predicate<T> wanted) {
        List<T> matching = new ArrayList<>();
        for (ServerMessage.Event event : heard) {
            if (type.isInstance(event.event()) && wanted.test(type.cast(event.event()))) {
                matching.add(type.cast(event.event()));
            }
        }
        return matching;
    }

    <T extends TableEvent> List<T> events(Class<T> type) {
        return events(type, e -> true);
    }

    synchronized int handsEnded() {
        return events(TableEvent.HandEnded.class).size();
    }

    /** The hands in which a side pot (pot 1 or higher) was awarded. */
    List<Long> handsWithSidePot() {
        List<Long> hands = new ArrayList<>();
        synchronized (this) {
            long current = -1;
            for (ServerMessage.Event event : heard) {
                if (event.event() instanceof TableEvent.HandStarted started) {
                    current = started.handId();
                } else if (event.event() instanceof TableEvent.PotAwarded award && award.pot() > 0 && !hands.contains(current)) {
                    hands.add(current);
                }
            }
        }
        return hands;
    }

    /** The events of one hand, from its start to its end. */
    synchronized List<TableEvent> hand(long id) {
        List<TableEvent> events = new ArrayList<>();
        boolean inside = false;
        for (ServerMessage.Event event : heard) {
            if (event.event() instanceof TableEvent.HandStarted started) {
                inside = started.handId() == id;
            }
            if (inside) {
                events.add(event.event());
            }
            if (event.event() instanceof TableEvent.HandEnded ended && ended.handId() == id) {
                inside = false;
            }
        }
        return events;
    }

    private synchronized void onMessage(ServerMessage message) {
        if (message instanceof ServerMessage.Error error && error.code() == ErrorCode.RATE_LIMITED
                && lastAct != null && lastAct.requestId().equals(error.requestId())) {
            // Acting faster than the server takes messages (three bots check a hand through in milliseconds): the
            // same action again, a moment later, as a real client does.
            SentAct refused = lastAct;
            CompletableFuture.delayedExecutor(RATE_LIMIT_PAUSE_MILLIS, TimeUnit.MILLISECONDS)
                    .execute(() -> act(refused.hand(), refused.action()));
            return;
        }
        if (!(message instanceof ServerMessage.Event event) || event.tableId() != tableId) {
            return;
        }
        heard.add(event);
        TableEvent e = event.event();
        if (e instanceof TableEvent.HandStarted started) {
            handId = started.handId();
            if (!started.seatsDealtIn().contains(seat)) {
                refillIfBusted();
            }
        } else if (e instanceof TableEvent.TurnStarted turn && turn.turn().seat() == seat && turn.turn().legal() != null) {
            ActionKind action = policy != Policy.CHECK_OR_CALL ? ActionKind.ALL_IN
                    : turn.turn().legal().canCheck() ? ActionKind.CHECK : ActionKind.CALL;
            act(handId, action);
        } else if (e instanceof TableEvent.PlayerActed acted && acted.seat() == seat) {
            stack = acted.stack();
        } else if (e instanceof TableEvent.BlindPosted blind && blind.seat() == seat) {
            stack = blind.stack();
        } else if (e instanceof TableEvent.PotAwarded award) {
            if (award.seat() == seat) {
                stack = award.stack();
            }
            if (award.pot() > 0 && policy == Policy.ALL_IN_UNTIL_SIDE_POT) {
                policy = Policy.CHECK_OR_CALL;
            }
        } else if (e instanceof TableEvent.UncalledBetReturned returned && returned.seat() == seat) {
            stack = returned.stack();
        } else if (e instanceof TableEvent.ToppedUp topped && topped.seat() == seat) {
            stack = topped.stack();
            refilling = false;
        } else if (e instanceof TableEvent.HandEnded) {
            refillIfBusted();
        }
    }

    /** Sends an action and remembers it, so a refusal for going over the message rate can send it again. */
    private synchronized void act(long hand, ActionKind action) {
        String requestId = client.send(id -> new ClientMessage.Act(id, tableId, hand, action, null));
        lastAct = new SentAct(requestId, hand, action);
    }

    /** A busted bot buys back in, so the table keeps three players. */
    private void refillIfBusted() {
        if (!stack.isPositive() && !refilling) {
            refilling = true;
            client.send(id -> new ClientMessage.TopUp(id, tableId, buyIn));
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
