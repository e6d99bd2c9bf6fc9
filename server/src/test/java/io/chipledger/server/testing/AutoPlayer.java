package io.chipledger.server.testing;

import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.protocol.TableView;
import io.chipledger.server.bot.PokerClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A player for tests, over a real WebSocket: sits at one table and, once told how ({@link #play}), plays every turn
 * it is given on the socket's thread, as a browser would. It keeps everything it hears, so a test can wait on it and
 * compare it with the ledger. It sends an action refused for going over the message rate again a moment later, and,
 * when asked, buys back in when short, adds a client seed to every deck, or leaves.
 */
public final class AutoPlayer implements AutoCloseable {

    private static final Duration WAIT = TestServer.WAIT;
    private static final long RATE_LIMIT_PAUSE_MILLIS = 200;

    /** How the player acts on its turn; it also hears every event, for a policy that changes its mind. */
    public interface Policy {

        /** The action for this turn, and for a bet or raise its amount (else null). */
        Choice choose(TableView.LegalActions legal);

        default void heard(TableEvent event) {
        }

        /** Check when free, call otherwise: every hand it plays reaches showdown. */
        static Policy checkOrCall() {
            return legal -> new Choice(legal.canCheck() ? ActionKind.CHECK : ActionKind.CALL, null);
        }

        /** Check when free, fold otherwise: hands end without a showdown, every hole card stays hidden. */
        static Policy checkOrFold() {
            return legal -> new Choice(legal.canCheck() ? ActionKind.CHECK : ActionKind.FOLD, null);
        }

        /**
         * All-in at every decision until a side pot has been awarded at the table (with a short stack, its all-ins
         * make side pots), then check or call.
         */
        static Policy allInUntilSidePot() {
            return new Policy() {
                private volatile boolean sidePotSeen;

                @Override
                public Choice choose(TableView.LegalActions legal) {
                    return sidePotSeen ? checkOrCall().choose(legal) : new Choice(ActionKind.ALL_IN, null);
                }

                @Override
                public void heard(TableEvent event) {
                    if (event instanceof TableEvent.PotAwarded award && award.pot() > 0) {
                        sidePotSeen = true;
                    }
                }
            };
        }

        /** A seeded mix of all-ins, minimum bets and raises, folds to a bet, checks and calls. */
        static Policy randomly(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            return legal -> {
                int roll = random.nextInt(100);
                if (legal.maxRaiseTo() != null && roll < 8) {
                    return new Choice(ActionKind.ALL_IN, null);
                } else if (legal.minRaiseTo() != null && roll < 30) {
                    return new Choice(legal.canCheck() ? ActionKind.BET : ActionKind.RAISE, legal.minRaiseTo());
                } else if (!legal.canCheck() && roll < 45) {
                    return new Choice(ActionKind.FOLD, null);
                }
                return new Choice(legal.canCheck() ? ActionKind.CHECK : ActionKind.CALL, null);
            };
        }
    }

    /** One decision. */
    public record Choice(ActionKind action, Money amount) {
    }

    private final PokerClient client;
    private final String name;
    private final long tableId;
    private final int seat;
    private final List<ServerMessage> heard = new ArrayList<>();
    private volatile Policy policy;
    private long handId;
    private TableView.Turn pendingTurn;
    private Money stack;
    private Money topUpBelow;
    private Money topUpBy;
    private boolean toppingUp;
    /** The top-up in flight; a refusal of it (rate limited, between two hands) lets the next chance send another. */
    private String topUpRequest;
    private boolean seeding;
    private volatile boolean leaving;
    /** The last action sent, to send again if the server refuses it for going over the message rate. */
    private SentAct lastAct;

    private record SentAct(String requestId, long hand, Choice choice) {
    }

    private AutoPlayer(PokerClient client, String name, long tableId, int seat, long handId) {
        this.client = client;
        this.name = name;
        this.tableId = tableId;
        this.seat = seat;
        this.handId = handId;
    }

    /**
     * Registers {@code name}, watches the table (so it knows the hand in progress), and buys in at {@code seat}. It does
     * not act until {@link #play} says how.
     */
    public static AutoPlayer sitDown(TestServer server, String name, long tableId, int seat, String buyIn) throws Exception {
        PokerClient client = server.connect(name);
        AutoPlayer player = new AutoPlayer(client, name, tableId, seat, -1);
        player.stack = Money.parse(buyIn);
        client.listen(player::onMessage);
        player.request(id -> new ClientMessage.Watch(id, tableId, null));
        ServerMessage answer = player.request(id -> new ClientMessage.SitDown(id, tableId, seat, Money.parse(buyIn)));
        if (!(answer instanceof ServerMessage.Done)) {
            client.close();
            throw new IllegalStateException(name + " could not sit down: " + answer);
        }
        return player;
    }

    /**
     * Takes over a client already at the table (seated, and told of hand {@code currentHand}, or -1): from now on its
     * messages go to this player, not to its queue.
     */
    public static AutoPlayer takeOver(PokerClient client, long tableId, long currentHand) {
        AutoPlayer player = new AutoPlayer(client, null, tableId, -1, currentHand);
        client.listen(player::onMessage);
        return player;
    }

    /** Plays every turn from now on (the one waiting, if any) as {@code how} says. */
    public AutoPlayer play(Policy how) {
        this.policy = how;
        actIfMyTurn();
        return this;
    }

    /** Adds {@code amount} after a hand that left the stack below {@code threshold}, so the player keeps playing. */
    public synchronized AutoPlayer topUpBelow(String threshold, String amount) {
        topUpBelow = Money.parse(threshold);
        topUpBy = Money.parse(amount);
        return this;
    }

    /** Buys back in for its first buy-in whenever it has no chips left. */
    public AutoPlayer rebuyWhenBusted() {
        return topUpBelow("0.01", stack.toString());
    }

    /** Sends a client seed for every deck the table announces (docs/provably-fair.md). */
    public synchronized AutoPlayer seedEveryDeck() {
        seeding = true;
        return this;
    }

    /** Stops acting and asks to leave; returns the request's answer. */
    public ServerMessage leave() throws InterruptedException {
        leaving = true;
        return request(id -> new ClientMessage.Leave(id, tableId));
    }

    public String name() {
        return name;
    }

    public int seat() {
        return seat;
    }

    public PokerClient client() {
        return client;
    }

    /**
     * Sends a request and waits for its answer (done or error). A request refused for going over the message rate is
     * sent again a moment later, as a real client does; any other answer is returned.
     */
    public ServerMessage request(Function<String, ClientMessage> message) throws InterruptedException {
        while (true) {
            String id = client.send(message);
            ServerMessage answer = await(PokerClient.replyTo(id));
            if (!(answer instanceof ServerMessage.Error error && error.code() == ErrorCode.RATE_LIMITED)) {
                return answer;
            }
            TimeUnit.MILLISECONDS.sleep(RATE_LIMIT_PAUSE_MILLIS);
        }
    }

    /** Waits for a message heard, now or before, that matches; throws if none comes in time. */
    public synchronized ServerMessage await(Predicate<ServerMessage> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (ServerMessage message : heard) {
                if (wanted.test(message)) {
                    return message;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(name + ": no matching message within " + WAIT + "; the last heard: "
                        + heard.subList(Math.max(0, heard.size() - 6), heard.size()));
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Waits for a table event heard, now or before, of {@code type} that matches. */
    public <E extends TableEvent> E awaitEvent(Class<E> type, Predicate<E> wanted) throws InterruptedException {
        ServerMessage message = await(m -> m instanceof ServerMessage.Event e && type.isInstance(e.event())
                && wanted.test(type.cast(e.event())));
        return type.cast(((ServerMessage.Event) message).event());
    }

    /** Everything heard so far, in order. */
    public synchronized List<ServerMessage> heard() {
        return List.copyOf(heard);
    }

    /** The table events heard so far, in order. */
    public synchronized List<TableEvent> events() {
        return heard.stream().filter(m -> m instanceof ServerMessage.Event e && e.tableId() == tableId)
                .map(m -> ((ServerMessage.Event) m).event()).toList();
    }

    public <T extends TableEvent> List<T> events(Class<T> type) {
        return events(type, e -> true);
    }

    public <T extends TableEvent> List<T> events(Class<T> type, Predicate<T> wanted) {
        return events().stream().filter(type::isInstance).map(type::cast).filter(wanted).toList();
    }

    public boolean heardEvent(Predicate<TableEvent> wanted) {
        return events().stream().anyMatch(wanted);
    }

    public int handsEnded() {
        return events(TableEvent.HandEnded.class).size();
    }

    /** The hands in which a side pot (pot 1 or higher) was awarded. */
    public List<Long> handsWithSidePot() {
        List<Long> hands = new ArrayList<>();
        long current = -1;
        for (TableEvent event : events()) {
            if (event instanceof TableEvent.HandStarted started) {
                current = started.handId();
            } else if (event instanceof TableEvent.PotAwarded award && award.pot() > 0 && !hands.contains(current)) {
                hands.add(current);
            }
        }
        return hands;
    }

    /** The events of one hand, from its start to its end. */
    public List<TableEvent> hand(long id) {
        List<TableEvent> events = new ArrayList<>();
        boolean inside = false;
        for (TableEvent event : events()) {
            if (event instanceof TableEvent.HandStarted started) {
                inside = started.handId() == id;
            }
            if (inside) {
                events.add(event);
            }
            if (event instanceof TableEvent.HandEnded ended && ended.handId() == id) {
                inside = false;
            }
        }
        return events;
    }

    private synchronized void onMessage(ServerMessage message) {
        heard.add(message);
        notifyAll();
        if (message instanceof ServerMessage.Error error && error.code() == ErrorCode.RATE_LIMITED
                && lastAct != null && lastAct.requestId().equals(error.requestId())) {
            // Acting faster than the server takes messages (bots check a hand through in milliseconds): the same
            // action again, a moment later, as a real client does.
            SentAct refused = lastAct;
            CompletableFuture.delayedExecutor(RATE_LIMIT_PAUSE_MILLIS, TimeUnit.MILLISECONDS)
                    .execute(() -> act(refused.hand(), refused.choice()));
            return;
        }
        if (message instanceof ServerMessage.Error error && error.requestId() != null
                && error.requestId().equals(topUpRequest)) {
            // Left unanswered, a refused rebuy would leave the bot busted until the table stood it up.
            topUpRequest = null;
            toppingUp = false;
            CompletableFuture.delayedExecutor(RATE_LIMIT_PAUSE_MILLIS, TimeUnit.MILLISECONDS).execute(this::retryTopUp);
            return;
        }
        if (message instanceof ServerMessage.Snapshot snapshot && snapshot.tableId() == tableId
                && snapshot.table().handId() != null) {
            handId = snapshot.table().handId();
        }
        if (message instanceof ServerMessage.Event event && event.tableId() == tableId) {
            follow(event.event());
        }
    }

    private synchronized void follow(TableEvent event) {
        Policy current = policy;
        if (current != null) {
            current.heard(event);
        }
        if (event instanceof TableEvent.HandStarted started) {
            handId = started.handId();
            pendingTurn = null;
            if (seeding) {
                client.send(id -> new ClientMessage.SetClientSeed(id, tableId, started.nextDeckCommitment(), name + "-" + id));
            }
            if (seat >= 0 && !started.seatsDealtIn().contains(seat)) {
                topUpIfShort();
            }
        } else if (event instanceof TableEvent.TurnStarted turn) {
            pendingTurn = turn.turn().legal() != null && (seat < 0 || turn.turn().seat() == seat) ? turn.turn() : null;
        } else if (event instanceof TableEvent.PlayerActed acted) {
            pendingTurn = null;
            stack = acted.seat() == seat ? acted.stack() : stack;
        } else if (event instanceof TableEvent.BlindPosted blind && blind.seat() == seat) {
            stack = blind.stack();
        } else if (event instanceof TableEvent.PotAwarded award && award.seat() == seat) {
            stack = award.stack();
        } else if (event instanceof TableEvent.UncalledBetReturned returned && returned.seat() == seat) {
            stack = returned.stack();
        } else if (event instanceof TableEvent.ToppedUp topped && topped.seat() == seat) {
            stack = topped.stack();
            toppingUp = false;
        } else if (event instanceof TableEvent.HandEnded || event instanceof TableEvent.HandVoided) {
            pendingTurn = null;
            topUpIfShort();
        }
        actIfMyTurn();
    }

    private synchronized void actIfMyTurn() {
        Policy current = policy;
        if (current != null && pendingTurn != null && !leaving) {
            TableView.Turn turn = pendingTurn;
            pendingTurn = null;
            act(handId, current.choose(turn.legal()));
        }
    }

    /** Sends an action and remembers it, so a refusal for going over the message rate can send it again. */
    private synchronized void act(long hand, Choice choice) {
        String requestId = client.send(id -> new ClientMessage.Act(id, tableId, hand, choice.action(), choice.amount()));
        lastAct = new SentAct(requestId, hand, choice);
    }

    private void topUpIfShort() {
        if (topUpBelow != null && stack != null && stack.isLessThan(topUpBelow) && !toppingUp && !leaving) {
            toppingUp = true;
            Money amount = topUpBy;
            topUpRequest = client.send(id -> new ClientMessage.TopUp(id, tableId, amount));
        }
    }

    private synchronized void retryTopUp() {
        topUpIfShort();
    }

    @Override
    public void close() {
        client.close();
    }
}
