package io.chipledger.server.bot;

import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.protocol.TableView;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * A simple player over a real WebSocket: mostly checks and calls, sometimes raises the minimum (at a pot-limit table
 * sometimes the pot, the largest the server offers), folds to some bets, and tops up when short. It reacts to events as they arrive (no thread of its own), and measures the time from
 * sending an action to receiving the table's broadcast of it. By default it acts at once; with a think time it
 * waits about that long first, as a person would (the wait is not part of the measured latency).
 */
public final class Bot {

    private volatile PokerClient client;
    private final long tableId;
    private final int seat;
    private final Money topUpTo;
    private final SplittableRandom random;
    private final LatencyRecorder latency;
    private final Stats stats;
    private long handId = -1;
    private Money stack = Money.ZERO;
    private boolean inHand;
    private volatile long sentAt;
    private volatile boolean stopping;
    /** The leave sent when the fleet stops, kept to send again if the server refuses it for the message rate. */
    private volatile ClientMessage.Leave leaveMessage;
    private volatile boolean left;
    private volatile boolean connectionLost;
    private Duration think = Duration.ZERO;
    private boolean betsThePot;
    /** Counts this bot's turns, so a decision made after thinking is dropped if the turn has gone meanwhile. */
    private long turns;
    /**
     * True while the messages that queued before the bot listened are handed over (the fleet seats every bot before
     * any plays, and a table deals as soon as two sit): a turn told in them may have been played by the clock since,
     * so only the last one, if nothing after it ended it, is taken.
     */
    private boolean catchingUp;
    /** The last of the bot's turns told while catching up (null: none), taken once the backlog is read. */
    private BacklogTurn backlogTurn;

    private record BacklogTurn(long number, TableView.LegalActions legal) {
    }

    /** Counters shared by every bot of a run. */
    public static final class Stats {
        public final AtomicLong actions = new AtomicLong();
        /** Actions the table refused (a bet outside the legal range would be one); a rate-limit refusal is not. */
        public final AtomicLong actionsRefused = new AtomicLong();
        public final AtomicLong handsEnded = new AtomicLong();
        public final AtomicLong connectionsLost = new AtomicLong();
        /** Times a bot followed its table to another game node (a takeover or a drain). */
        public final AtomicLong tablesFollowed = new AtomicLong();
        private final Map<ErrorCode, LongAdder> errorsByCode = new ConcurrentHashMap<>();

        void countError(ErrorCode code) {
            errorsByCode.computeIfAbsent(code, c -> new LongAdder()).increment();
        }

        public long errors() {
            return errorsByCode.values().stream().mapToLong(LongAdder::sum).sum();
        }

        /** The errors the server answered, by code, most frequent first: {@code NOT_YOUR_TURN 12, RATE_LIMITED 3}. */
        public String errorsByCode() {
            return errorsByCode.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<ErrorCode, LongAdder> e) -> e.getValue().sum()).reversed())
                    .map(e -> e.getKey() + " " + e.getValue().sum())
                    .collect(Collectors.joining(", "));
        }
    }

    public Bot(PokerClient client, long tableId, int seat, Money topUpTo, long seed, LatencyRecorder latency, Stats stats) {
        this.client = client;
        this.tableId = tableId;
        this.seat = seat;
        this.topUpTo = topUpTo;
        this.random = new SplittableRandom(seed);
        this.latency = latency;
        this.stats = stats;
    }

    /** Thinks for a random time between half and one and a half times {@code mean} before each action. */
    public void thinkFor(Duration mean) {
        this.think = mean;
    }

    /**
     * Sometimes bets or raises the most the server offers: at a pot-limit table that is the pot, so this plays the
     * limit without sending the bot all in every few hands (at a no-limit table it would be the whole stack).
     */
    public void betThePotSometimes() {
        this.betsThePot = true;
    }

    /** Connects to wherever a table is served now (looking it up among the game nodes), as this bot's player. */
    public interface Relocator {
        PokerClient connectToTable(long tableId) throws Exception;
    }

    private volatile Relocator relocator;
    private volatile boolean relocating;
    private long lastSeq = -1;

    /**
     * Among game nodes: when the table moves (a {@code tableMoved}, or the node's socket closed) the bot looks it up
     * again, connects there and watches it from its last seq, keeping its seat.
     */
    public void followMoves(Relocator how) {
        this.relocator = how;
    }

    private AcknowledgementLog acknowledged;
    private String player;
    /** The requestId of the sit-down that began this stint at the seat: its cash-out's key is named after it. */
    private String stintRequest;
    /** The requestId of the top-up sent and not answered yet. */
    private String topUpRequest;

    /** Writes down each chip movement the server acknowledges to this bot, which plays as {@code player}. */
    public void recordAcknowledgements(AcknowledgementLog log, String playerName) {
        this.acknowledged = log;
        this.player = playerName;
    }

    private NoticeLog notices;

    /** Writes down each pause and resumption the table announces (call it on one bot a table, with {@link #countHands}). */
    public void recordNotices(NoticeLog log) {
        this.notices = log;
    }

    private void acknowledge(AcknowledgementLog.Kind kind, String ref) {
        if (acknowledged != null) {
            acknowledged.record(kind, tableId, player, ref);
        }
    }

    /** Starts reacting to the table. The bot must already be seated (see {@link #sitDown}). */
    public void play() {
        PokerClient now = client;
        listenTo(now);
        followWhenClosed(now);
    }

    /** Reads what {@code source} queued so far without acting on turns gone meanwhile, then reacts to it live. */
    private void listenTo(PokerClient source) {
        synchronized (this) {
            catchingUp = true;
            backlogTurn = null;
        }
        source.listen(this::onMessage);
        synchronized (this) {
            catchingUp = false;
            if (backlogTurn != null && backlogTurn.number() == turns && !stopping) {
                takeTurn(backlogTurn.number(), backlogTurn.legal());
            }
            backlogTurn = null;
        }
    }

    private void followWhenClosed(PokerClient watched) {
        watched.whenClosed().thenRun(() -> {
            if (!stopping && watched == client && relocator != null) {
                relocate();
            }
        });
    }

    /** Finds the table's node, connects, watches from the last seq; retried for about a minute. */
    private void relocate() {
        if (relocator == null || relocating) {
            return;
        }
        relocating = true;
        CompletableFuture.runAsync(() -> {
            try {
                for (int attempt = 0; attempt < 120 && !stopping; attempt++) {
                    try {
                        PokerClient next = relocator.connectToTable(tableId);
                        PokerClient old = client;
                        client = next;
                        listenTo(next);
                        long seq;
                        synchronized (this) {
                            seq = lastSeq;
                        }
                        next.send(r -> new ClientMessage.Watch(r, tableId, seq < 0 ? null : seq));
                        followWhenClosed(next);
                        old.close();
                        stats.tablesFollowed.incrementAndGet();
                        return;
                    } catch (Exception notYet) {
                        TimeUnit.MILLISECONDS.sleep(500);
                    }
                }
                lost();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                relocating = false;
            }
        });
    }

    /** Buys in and waits for the answer; returns the reply (done or error). */
    public ServerMessage sitDown(Money amount, java.time.Duration timeout) throws InterruptedException {
        String id = client.send(r -> new ClientMessage.SitDown(r, tableId, seat, amount));
        ServerMessage reply = client.reply(id, timeout);
        if (reply instanceof ServerMessage.Done) {
            stack = amount;
            stintRequest = id;
            acknowledge(AcknowledgementLog.Kind.BUYIN, id);
        }
        return reply;
    }

    /** Stops acting; the seat's stack is cashed out when the table processes the leave. */
    public void leave() {
        stopping = true;
        try {
            ClientMessage.Leave leave = new ClientMessage.Leave(client.nextRequestId(), tableId);
            leaveMessage = leave;
            client.send(leave);
        } catch (CompletionException closed) {
            lost(); // the server sits the seat out and cashes it out after its grace period
        }
    }

    /**
     * A message refused for the message rate, sent again a moment later unless {@code stillWanted} says otherwise by
     * then. A leave is always still wanted: a bot that had just acted at a fast table could find its bucket empty, and
     * a leave lost there kept it seated (PotLimitOmahaLiveTest: three of four bots still seated after the minute the
     * fleet waits, once the server dealt faster).
     */
    private void sendAgainLater(ClientMessage refused, BooleanSupplier stillWanted) {
        CompletableFuture.delayedExecutor(RATE_LIMIT_PAUSE_MILLIS, TimeUnit.MILLISECONDS).execute(() -> {
            if (!stillWanted.getAsBoolean()) {
                return;
            }
            try {
                client.send(refused);
            } catch (CompletionException closed) {
                lost();
            }
        });
    }

    /** The server closed this bot's connection (a client too slow to read is cut off): counted once, then it is idle. */
    private void lost() {
        if (!connectionLost) {
            connectionLost = true;
            stats.connectionsLost.incrementAndGet();
        }
    }

    private synchronized void onMessage(ServerMessage message) {
        if (message instanceof ServerMessage.Done done && done.requestId() != null && done.requestId().equals(topUpRequest)) {
            acknowledge(AcknowledgementLog.Kind.TOPUP, topUpRequest);
            topUpRequest = null;
            return;
        }
        if (message instanceof ServerMessage.Error error) {
            stats.countError(error.code());
            if (error.code() == ErrorCode.RATE_LIMITED && error.requestId() != null && error.requestId().equals(lastAction)) {
                // Acting faster than the server takes messages: the same action again, a moment later. Not once the
                // bot is leaving: the table plays a leaver's turn itself, and an action sent after the leave would be
                // refused (the seat gone, or the turn played) and counted as a refused action.
                sendAgainLater(lastActMessage, () -> !stopping);
                return;
            }
            ClientMessage.Leave leave = leaveMessage;
            if (error.code() == ErrorCode.RATE_LIMITED && leave != null && leave.requestId().equals(error.requestId())) {
                sendAgainLater(leave, () -> true);
                return;
            }
            if (error.requestId() != null && error.requestId().equals(lastAction)) {
                stats.actionsRefused.incrementAndGet();
            }
            if (error.requestId() != null && error.requestId().equals(lastAction) && lastLegal != null && !stopping) {
                ActionKind passive = lastLegal.canCheck() ? ActionKind.CHECK : ActionKind.CALL;
                lastLegal = null;
                lastAction = send(new ClientMessage.Act(client.nextRequestId(), tableId, handId, passive, null));
            }
            return;
        }
        if (message instanceof ServerMessage.TableMoved moved && moved.tableId() == tableId) {
            relocate();
            return;
        }
        if (message instanceof ServerMessage.Snapshot snapshot && snapshot.tableId() == tableId) {
            lastSeq = snapshot.seq();
            inHand = false; // a new owner's hand, if any, is learnt from its next events
            return;
        }
        if (message instanceof ServerMessage.TableNotice notice && notice.tableId() == tableId) {
            // Told ahead of the table's numbered events (the table may itself wait on a stuck commit).
            if (notices != null && notice.event() instanceof TableEvent.TablePaused paused) {
                notices.paused(tableId, paused.reason(), false);
            } else if (notices != null && notice.event() instanceof TableEvent.TableResumed) {
                notices.resumed(tableId, false);
            }
            return;
        }
        if (!(message instanceof ServerMessage.Event event) || event.tableId() != tableId) {
            return;
        }
        lastSeq = event.seq();
        TableEvent e = event.event();
        if (e instanceof TableEvent.HandStarted started) {
            handId = started.handId();
            inHand = started.seatsDealtIn().contains(seat);
            turns++; // a turn of an earlier hand, still being thought about, is gone
        } else if (e instanceof TableEvent.TurnStarted turn && turn.turn().seat() == seat && turn.turn().legal() != null && !stopping) {
            long thisTurn = ++turns;
            if (catchingUp) {
                backlogTurn = new BacklogTurn(thisTurn, turn.turn().legal());
            } else {
                takeTurn(thisTurn, turn.turn().legal());
            }
        } else if (e instanceof TableEvent.PlayerActed acted && acted.seat() == seat) {
            turns++; // played, or timed out while the bot was still thinking
            stack = acted.stack();
            long sent = sentAt;
            if (sent != 0) {
                latency.record(System.nanoTime() - sent);
                sentAt = 0;
            }
        } else if (e instanceof TableEvent.BlindPosted blind && blind.seat() == seat) {
            stack = blind.stack();
        } else if (e instanceof TableEvent.PotAwarded award && award.seat() == seat) {
            stack = award.stack();
        } else if (e instanceof TableEvent.UncalledBetReturned returned && returned.seat() == seat) {
            stack = returned.stack();
        } else if (e instanceof TableEvent.SeatLeft gone && gone.seat() == seat) {
            left = true;
            if (gone.cashedOut().isPositive() && stintRequest != null) {
                acknowledge(AcknowledgementLog.Kind.CASHOUT, stintRequest);
            }
        } else if (e instanceof TableEvent.TablePaused paused) {
            if (notices != null) {
                notices.paused(tableId, paused.reason(), true);
            }
        } else if (e instanceof TableEvent.TableResumed) {
            if (notices != null) {
                notices.resumed(tableId, true);
            }
        } else if (e instanceof TableEvent.HandVoided voided) {
            inHand = false;
            if (seat == lowestSeatMarker) {
                acknowledge(AcknowledgementLog.Kind.VOIDED, Long.toString(voided.handId()));
            }
        } else if (e instanceof TableEvent.HandEnded ended) {
            inHand = false;
            if (seat == lowestSeatMarker) {
                stats.handsEnded.incrementAndGet();
                acknowledge(AcknowledgementLog.Kind.HAND, Long.toString(ended.handId()));
            }
            if (!stopping && stack.times(2).isLessThan(topUpTo)) {
                Money add = topUpTo.minus(stack);
                topUpRequest = client.send(r -> new ClientMessage.TopUp(r, tableId, add));
            }
        }
    }

    /** True once the table announced this bot's seat empty (after {@link #leave}, its stack cashed out). */
    public boolean hasLeft() {
        return left;
    }

    /** Set on one bot per table so a hand is counted once. */
    private int lowestSeatMarker = -1;

    public void countHands() {
        lowestSeatMarker = seat;
    }

    /** The requestId of the bot's last action, so a refusal of it can be answered with a plain check or call. */
    private String lastAction;
    private ClientMessage.Act lastActMessage;
    private TableView.LegalActions lastLegal;
    private static final long RATE_LIMIT_PAUSE_MILLIS = 250;

    private String send(ClientMessage.Act act) {
        lastActMessage = act;
        try {
            client.send(act);
        } catch (CompletionException closed) {
            lost();
        }
        return act.requestId();
    }

    /** Acts on turn {@code thisTurn} at once, or after thinking if it is still the bot's turn then. */
    private void takeTurn(long thisTurn, TableView.LegalActions legal) {
        if (think.isZero()) {
            act(legal);
        } else {
            long millis = think.toMillis() / 2 + random.nextLong(think.toMillis() + 1);
            CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS).execute(() -> actIfStill(thisTurn, legal));
        }
    }

    private synchronized void actIfStill(long turn, TableView.LegalActions legal) {
        if (turn == turns && !stopping) {
            act(legal);
        }
    }

    private void act(TableView.LegalActions legal) {
        int roll = random.nextInt(100);
        ActionKind kind;
        Money amount = null;
        if (legal.minRaiseTo() != null && roll < 10) {
            kind = legal.canCheck() ? ActionKind.BET : ActionKind.RAISE;
            amount = legal.minRaiseTo();
        } else if (betsThePot && legal.maxRaiseTo() != null && roll < 16) {
            kind = legal.canCheck() ? ActionKind.BET : ActionKind.RAISE;
            amount = legal.maxRaiseTo();
        } else if (!legal.canCheck() && roll < 25) {
            kind = ActionKind.FOLD;
        } else {
            kind = legal.canCheck() ? ActionKind.CHECK : ActionKind.CALL;
        }
        stats.actions.incrementAndGet();
        sentAt = System.nanoTime();
        Money raiseTo = amount;
        lastLegal = legal;
        lastAction = send(new ClientMessage.Act(client.nextRequestId(), tableId, handId, kind, raiseTo));
    }
}
