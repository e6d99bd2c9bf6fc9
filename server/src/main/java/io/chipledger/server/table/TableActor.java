package io.chipledger.server.table;

import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Ledger;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.RejectReason;
import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.protocol.TableView;
import io.chipledger.server.account.Player;
import io.chipledger.server.game.holdem.HandCommand;
import io.chipledger.server.game.holdem.HandEvent;
import io.chipledger.server.game.holdem.HandSetup;
import io.chipledger.server.game.holdem.HoldemHand;
import io.chipledger.server.game.holdem.LegalActions;
import io.chipledger.server.game.holdem.PlayerSeat;
import io.chipledger.server.game.holdem.Reopening;
import io.chipledger.server.metrics.GameMetrics;
import io.chipledger.server.net.ClientConnection;
import io.chipledger.server.net.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One table: its seats, its hand, its watchers. Every command goes through the table's {@link Mailbox}, so no two run
 * at once; a command that moves chips completes only when the ledger has committed them, and its events are
 * published in that completion. No client ever sees a chip movement the database does not have.
 *
 * <p>The public methods may be called from any thread (they only enqueue); everything else runs in the mailbox.
 */
public final class TableActor {

    private static final Logger log = LoggerFactory.getLogger(TableActor.class);
    static final Duration PAUSE_BETWEEN_HANDS = Duration.ofSeconds(2);
    private static final int MAX_CHAT = 200;
    /** Chat is a courtesy, not a channel: a few lines at once, then one a second per player. */
    private static final int CHAT_PER_SECOND = 1;
    private static final int CHAT_BURST = 5;
    private static final int POT_AVERAGE_HANDS = 50;

    private final TableConfig config;
    private final Mailbox mailbox;
    private final Ledger ledger;
    private final ChipPoster poster;
    private final SeatCashier cashier;
    private final long potAccount;
    private final HandRecords hands;
    private final SeatTimeouts seatTimeouts;
    private final GameMetrics metrics;
    private final PlayerConnections online;
    private final DeckSource decks;
    private final TableTimer timer;
    private final Clock clock;
    private final Executor worker;
    private final SeatMap seats;
    private final TableAudience audience;
    private final PotAverage potAverage = new PotAverage(POT_AVERAGE_HANDS);
    private final Map<Long, RateLimiter> chatLimits = new HashMap<>();
    private final Duration pauseBetweenHands;
    private int button = -1;
    private RunningHand hand;
    private boolean handScheduled;
    private boolean closing;
    /** An operator's pause: no new hands until resumed; the hand in progress plays on. */
    private boolean paused;
    /** An operator's close: no new hands or seats, and every seat is cashed out once the hand in progress ends. */
    private boolean closedByOperator;
    private final CompletableFuture<Void> emptiedForClose = new CompletableFuture<>();

    TableActor(TableConfig config, TableServices services, long potAccount, long houseAccount, Duration pauseBetweenHands) {
        this.config = config;
        this.mailbox = new Mailbox(services.tableExecutor());
        this.ledger = services.ledger();
        this.metrics = services.metrics();
        this.online = services.online();
        this.poster = new ChipPoster(ledger, potAccount, houseAccount, config.ledgerOwner(), metrics.ledgerCommit);
        this.potAccount = potAccount;
        this.hands = services.hands();
        this.cashier = new SeatCashier(config, ledger, poster, services.seats(), services.worker());
        this.seatTimeouts = services.seatTimeouts();
        this.decks = services.decks();
        this.timer = services.timer();
        this.clock = services.clock();
        this.worker = services.worker();
        this.seats = new SeatMap(config.seatCount());
        this.audience = new TableAudience(config.id(), seats::numberOf);
        this.pauseBetweenHands = pauseBetweenHands;
    }

    /**
     * Opens (or finds) the table's ledger accounts and returns the actor; blocking, so call it at start-up. Each table
     * takes its rake into a rake account of its own: one house account for every table was moved by both ledger
     * writers at once, and each clash cost a refused write and a locked retry (the house's take is the sum of the
     * RAKE accounts, as the admin console's totals show it).
     */
    public static TableActor open(TableConfig config, TableServices services, Duration pauseBetweenHands) {
        long pot = services.ledger().openAccount(AccountKind.POT, config.ledgerOwner(), config.currency()).id();
        long house = services.ledger().openAccount(AccountKind.RAKE, config.ledgerOwner(), config.currency()).id();
        return new TableActor(config, services, pot, house, pauseBetweenHands);
    }

    public TableConfig config() {
        return config;
    }

    // ---- commands, from any thread ----

    /** Routes a client's table message; {@code player} is the connection's authenticated player. */
    public CompletableFuture<Void> receive(ClientConnection connection, Player player, ClientMessage message) {
        return mailbox.submit(() -> handle(connection, player, message)).exceptionally(failure -> {
            log.error("table {}: {} failed", config.id(), message, failure);
            connection.send(new ServerMessage.Error(message.requestId(), ErrorCode.INTERNAL, "the server failed; nothing changed"));
            return null;
        });
    }

    /** The connection closed: it stops watching, and a seated player with no other connection here is away. */
    public void disconnected(ClientConnection connection) {
        mailbox.run(() -> {
            Player player = audience.remove(connection);
            if (player != null && !audience.isWatching(player)) {
                playerLeftTheRoom(seats.of(player));
            }
        });
    }

    /**
     * Seats a player found in the seat records at start-up, with the chips their seat account holds. They are away
     * until they come back (watch the table); if they do not within the grace, the stack goes back to their wallet.
     */
    public CompletableFuture<Void> restoreSeat(int number, Player player, long accountId, String stintKey, Money stack) {
        return mailbox.run(() -> {
            Seat seat = new Seat(number, player, accountId, stintKey, stack, config.timeBank());
            seat.connected = false;
            seat.sittingOut = true;
            seat.sittingOutWhileAway = true;
            seats.put(seat);
            scheduleAbandonment(seat, seatTimeouts.disconnectGrace());
        });
    }

    /** Voids the hand in progress, if any (every chip back on its seat), and stops dealing new ones. */
    public CompletableFuture<Void> shutdown() {
        return mailbox.submit(() -> {
            closing = true;
            return hand == null ? CompletableFuture.completedFuture(null) : voidHand("the server is shutting down");
        });
    }

    /** Everything a lobby shows of the table. */
    public CompletableFuture<LobbyEntry> lobbyEntry() {
        return mailbox.submit(() -> CompletableFuture.completedFuture(
                new LobbyEntry(config, seats.playerNames(), audience.size(), potAverage.average())));
    }

    /** A lobby row: the table's settings, who sits there, how many are watching, the recent average pot. */
    public record LobbyEntry(TableConfig config, List<String> players, int watching, Money averagePot) {
        public int seated() {
            return players.size();
        }
    }

    // ---- operator commands, from any thread (the admin console) ----

    /** Deals no new hand until {@link #resume()}; the hand in progress is played to its end. */
    public CompletableFuture<Void> pause() {
        return mailbox.run(() -> paused = true);
    }

    public CompletableFuture<Void> resume() {
        return mailbox.run(() -> {
            paused = false;
            scheduleHandIfReady();
        });
    }

    /**
     * Closes the table: no new hands or seats; the hand in progress is played to its end, then every seat is cashed
     * out. Completes when the last seat is empty. Calling it again (e.g. after a refused cash-out) tries the cash-outs
     * again once no hand is running.
     */
    public CompletableFuture<Void> close() {
        return mailbox.submit(() -> {
            closedByOperator = true;
            return hand == null ? cashOutLeavers() : CompletableFuture.<Void>completedFuture(null);
        }).thenCompose(v -> emptiedForClose);
    }

    /** Stands a player up as their own leave would: folded now if it is their turn, cashed out after the hand. */
    public CompletableFuture<KickResult> kick(long playerId) {
        return mailbox.submit(() -> {
            Seat seat = seats.ofPlayer(playerId);
            if (seat == null) {
                return CompletableFuture.completedFuture(KickResult.NOT_SEATED);
            }
            seat.leaving = true;
            if (inHand(seat)) {
                return actForAbsentPlayer().thenApply(v -> KickResult.CASHED_OUT_AFTER_HAND);
            }
            return cashOut(seat).thenApply(v -> KickResult.CASHED_OUT);
        });
    }

    public enum KickResult {
        NOT_SEATED, CASHED_OUT, CASHED_OUT_AFTER_HAND
    }

    /** What an operator sees of the table: its state, the hand in progress, and every seat with its player and stack. */
    public CompletableFuture<OperatorView> operatorView() {
        return mailbox.submit(() -> {
            List<OperatorView.SeatLine> lines = new ArrayList<>();
            for (Seat seat : seats.occupied()) {
                Money live = hand != null && inHand(seat) ? hand.narrator.stack(seat.number) : seat.stack;
                lines.add(new OperatorView.SeatLine(seat.number, seat.player.id(), seat.player.name(), live,
                        inHand(seat), seat.sittingOut, seat.leaving, seat.connected));
            }
            String state = closedByOperator ? "CLOSING" : paused ? "PAUSED" : "OPEN";
            return CompletableFuture.completedFuture(new OperatorView(config, state, hand == null ? null : hand.id, lines,
                    audience.size(), potAverage.average()));
        });
    }

    /** @param state {@code OPEN}, {@code PAUSED} or {@code CLOSING} */
    public record OperatorView(TableConfig config, String state, Long handId, List<SeatLine> seats, int watching,
                               Money averagePot) {
        public record SeatLine(int seat, long playerId, String player, Money stack, boolean inHand, boolean sittingOut,
                               boolean leaving, boolean connected) {
        }
    }

    // ---- the dispatch table ----

    private CompletionStage<Void> handle(ClientConnection connection, Player player, ClientMessage message) {
        if (message instanceof ClientMessage.Watch watch) {
            return watch(connection, player, watch);
        } else if (message instanceof ClientMessage.Unwatch unwatch) {
            audience.remove(connection);
            return done(connection, unwatch.requestId());
        } else if (message instanceof ClientMessage.SitDown sitDown) {
            return sitDown(connection, player, sitDown);
        } else if (message instanceof ClientMessage.TopUp topUp) {
            return topUp(connection, player, topUp);
        } else if (message instanceof ClientMessage.Act act) {
            return act(connection, player, act);
        } else if (message instanceof ClientMessage.SitOut sitOut) {
            return setSittingOut(connection, player, sitOut.requestId(), true);
        } else if (message instanceof ClientMessage.SitIn sitIn) {
            return setSittingOut(connection, player, sitIn.requestId(), false);
        } else if (message instanceof ClientMessage.Leave leave) {
            return leave(connection, player, leave);
        } else if (message instanceof ClientMessage.Chat chat) {
            return chat(connection, player, chat);
        } else if (message instanceof ClientMessage.SetClientSeed seed) {
            return setClientSeed(connection, player, seed);
        }
        return refuse(connection, message.requestId(), ErrorCode.BAD_MESSAGE, "not a table message");
    }

    // ---- watching ----

    /** The connection is caught up and subscribed; a seated player coming back is announced after that. */
    private CompletionStage<Void> watch(ClientConnection connection, Player player, ClientMessage.Watch watch) {
        connection.send(new ServerMessage.Done(watch.requestId()));
        audience.watch(connection, player, watch.lastSeq(), this::snapshotFor);
        playerReturned(seats.of(player));
        return CompletableFuture.completedFuture(null);
    }

    // ---- seating and chips in and out ----

    private CompletionStage<Void> sitDown(ClientConnection connection, Player player, ClientMessage.SitDown request) {
        if (closedByOperator) {
            return refuse(connection, request.requestId(), ErrorCode.TABLE_CLOSED, "this table is closing");
        }
        String key = SeatCashier.buyInKey(config.id(), player, request.requestId());
        Seat existing = seats.of(player);
        if (existing != null && existing.stintKey.equals(key)) {
            return answerRepeatedBuyIn(connection, player, request, key, existing);
        }
        if (existing != null) {
            return refuse(connection, request.requestId(), ErrorCode.ALREADY_SEATED, "you already sit in seat " + existing.number);
        }
        if (request.seat() < 0 || request.seat() >= seats.count()) {
            return refuse(connection, request.requestId(), ErrorCode.BAD_MESSAGE, "seats are 0 to " + (seats.count() - 1));
        }
        if (seats.get(request.seat()) != null) {
            return refuse(connection, request.requestId(), ErrorCode.SEAT_TAKEN, "seat " + request.seat() + " is taken");
        }
        if (request.amount().isLessThan(config.minBuyIn()) || request.amount().isGreaterThan(config.maxBuyIn())) {
            return refuse(connection, request.requestId(), ErrorCode.BUY_IN_OUT_OF_RANGE,
                    "buy in for " + config.minBuyIn() + " to " + config.maxBuyIn());
        }
        if (player.frozen()) {
            return refuse(connection, request.requestId(), ErrorCode.ACCOUNT_FROZEN, "your account is frozen");
        }
        return cashier.buyIn(player, request.seat(), key, request.amount()).thenCompose(outcome -> {
            if (outcome.result() instanceof PostingResult.Rejected rejected) {
                return refuseRejected(connection, request.requestId(), rejected);
            }
            if (!outcome.moved()) {
                // The buy-in of a stint that already ended, sent again: answered, not repeated.
                return done(connection, request.requestId());
            }
            Seat seat = new Seat(request.seat(), player, outcome.seatAccount(), key, outcome.seatBalance(), config.timeBank());
            seats.put(seat);
            audience.add(connection, player);
            publish(new TableEvent.SeatTaken(seat.number, player.name(), seat.stack));
            connection.send(new ServerMessage.Done(request.requestId()));
            online.send(player.id(), new ServerMessage.Wallet(outcome.walletBalance()));
            scheduleHandIfReady();
            return CompletableFuture.completedFuture(null);
        });
    }

    /**
     * The buy-in that seated this player, sent again (a reconnect, a double click). The ledger compares it with the
     * original: the same request is answered again, the same requestId with another amount or seat is refused.
     */
    private CompletionStage<Void> answerRepeatedBuyIn(ClientConnection connection, Player player, ClientMessage.SitDown request,
                                                      String key, Seat seated) {
        if (request.seat() != seated.number) {
            return refuse(connection, request.requestId(), ErrorCode.REQUEST_ID_REUSED,
                    "request " + request.requestId() + " seated you in seat " + seated.number);
        }
        return cashier.repeatBuyIn(player, key, request.amount())
                .thenCompose(result -> result instanceof PostingResult.Rejected rejected
                        ? refuseRejected(connection, request.requestId(), rejected) : done(connection, request.requestId()));
    }

    private CompletionStage<Void> topUp(ClientConnection connection, Player player, ClientMessage.TopUp request) {
        if (closedByOperator) {
            return refuse(connection, request.requestId(), ErrorCode.TABLE_CLOSED, "this table is closing");
        }
        Seat seat = seats.of(player);
        if (seat == null) {
            return refuse(connection, request.requestId(), ErrorCode.NOT_SEATED, "you have no seat at this table");
        }
        if (inHand(seat)) {
            return refuse(connection, request.requestId(), ErrorCode.ILLEGAL_ACTION, "top up between hands");
        }
        if (!request.amount().isPositive() || seat.stack.plus(request.amount()).isGreaterThan(config.maxBuyIn())) {
            return refuse(connection, request.requestId(), ErrorCode.BUY_IN_OUT_OF_RANGE,
                    "you may add up to " + config.maxBuyIn().minus(seat.stack).max(Money.ZERO));
        }
        if (player.frozen()) {
            return refuse(connection, request.requestId(), ErrorCode.ACCOUNT_FROZEN, "your account is frozen");
        }
        String key = "topup:t" + config.id() + ":p" + player.id() + ":" + request.requestId();
        return cashier.topUp(player, seat.accountId, key, request.amount()).thenCompose(outcome -> {
            if (outcome.result() instanceof PostingResult.Rejected rejected) {
                return refuseRejected(connection, request.requestId(), rejected);
            }
            Money added = outcome.seatBalance().minus(seat.stack); // zero for a top-up sent again
            seat.stack = outcome.seatBalance();
            if (added.isPositive()) {
                publish(new TableEvent.ToppedUp(seat.number, added, seat.stack));
            }
            connection.send(new ServerMessage.Done(request.requestId()));
            online.send(player.id(), new ServerMessage.Wallet(outcome.walletBalance()));
            scheduleHandIfReady();
            return CompletableFuture.completedFuture(null);
        });
    }

    private CompletionStage<Void> leave(ClientConnection connection, Player player, ClientMessage.Leave request) {
        Seat seat = seats.of(player);
        if (seat == null) {
            return refuse(connection, request.requestId(), ErrorCode.NOT_SEATED, "you have no seat at this table");
        }
        seat.leaving = true;
        connection.send(new ServerMessage.Done(request.requestId()));
        if (inHand(seat)) {
            return actForAbsentPlayer(); // folds now if it is their turn; the cash-out follows the hand
        }
        return cashOut(seat);
    }

    /** Moves the seat's whole stack back to the wallet and frees the seat. */
    private CompletionStage<Void> cashOut(Seat seat) {
        return cashier.cashOut(seat).thenAccept(cashOut -> {
            if (cashOut.refusal() != null) {
                log.error("table {}: cash-out of seat {} refused: {}", config.id(), seat.number, cashOut.refusal());
                return;
            }
            seats.free(seat);
            publish(new TableEvent.SeatLeft(seat.number, seat.player.name(), cashOut.stack()));
            online.send(seat.player.id(), new ServerMessage.Wallet(cashOut.walletBalance()));
        });
    }

    private CompletionStage<Void> setSittingOut(ClientConnection connection, Player player, String requestId, boolean out) {
        Seat seat = seats.of(player);
        if (seat == null) {
            return refuse(connection, requestId, ErrorCode.NOT_SEATED, "you have no seat at this table");
        }
        seat.sittingOutWhileAway = false;
        if (seat.sittingOut != out) {
            seat.sittingOut = out;
            publish(out ? new TableEvent.SatOut(seat.number) : new TableEvent.SatIn(seat.number));
        }
        connection.send(new ServerMessage.Done(requestId));
        if (!out) {
            scheduleHandIfReady();
        }
        return CompletableFuture.completedFuture(null);
    }

    private CompletionStage<Void> chat(ClientConnection connection, Player player, ClientMessage.Chat chat) {
        String text = chat.text().strip();
        if (text.isEmpty() || text.length() > MAX_CHAT) {
            return refuse(connection, chat.requestId(), ErrorCode.BAD_MESSAGE, "a chat message is 1 to " + MAX_CHAT + " characters");
        }
        if (player == null) {
            return refuse(connection, chat.requestId(), ErrorCode.UNAUTHORIZED, "log in to chat");
        }
        long now = TimeUnit.MILLISECONDS.toNanos(clock.millis());
        if (!chatLimits.computeIfAbsent(player.id(), id -> new RateLimiter(CHAT_PER_SECOND, CHAT_BURST, now)).tryAcquire(now)) {
            return refuse(connection, chat.requestId(), ErrorCode.RATE_LIMITED, "one chat line a second, please");
        }
        publish(new TableEvent.ChatPosted(player.name(), text));
        return done(connection, chat.requestId());
    }

    /** A seated player's randomness for the table's next deck (docs/provably-fair.md). */
    private CompletionStage<Void> setClientSeed(ClientConnection connection, Player player, ClientMessage.SetClientSeed request) {
        Seat seat = seats.of(player);
        if (seat == null) {
            return refuse(connection, request.requestId(), ErrorCode.NOT_SEATED, "only a seated player adds a seed to the deck");
        }
        try {
            if (!decks.addClientSeed(config.id(), seat.number, player.name(), request.commitment(), request.seed())) {
                return refuse(connection, request.requestId(), ErrorCode.ILLEGAL_ACTION, "the commitment is not the table's next "
                        + "deck's: send the seed again with the nextDeckCommitment of the latest handStarted");
            }
        } catch (IllegalArgumentException e) {
            return refuse(connection, request.requestId(), ErrorCode.BAD_MESSAGE, e.getMessage());
        }
        return done(connection, request.requestId());
    }

    // ---- players who drop and come back ----

    /** The player's last connection to this table closed: they keep the seat through the grace, then sit out. */
    private void playerLeftTheRoom(Seat seat) {
        if (seat == null || !seat.connected) {
            return;
        }
        seat.connected = false;
        seat.absences++;
        publish(new TableEvent.ConnectionChanged(seat.number, false));
        int absence = seat.absences;
        timer.schedule(seatTimeouts.disconnectGrace(), () -> mailbox.run(() -> graceOver(seat, absence)));
    }

    private void graceOver(Seat seat, int absence) {
        if (!seats.holds(seat) || seat.absences != absence || seat.connected) {
            return; // back in time, or gone
        }
        if (!seat.sittingOut) {
            seat.sittingOut = true;
            seat.sittingOutWhileAway = true;
            publish(new TableEvent.SatOut(seat.number));
        }
        scheduleAbandonment(seat, seatTimeouts.abandonAfter());
    }

    private void scheduleAbandonment(Seat seat, Duration after) {
        int absence = seat.absences;
        timer.schedule(after, () -> mailbox.submit(() -> abandoned(seat, absence)));
    }

    /** Away too long: the stack goes back to the wallet (after the current hand, if they are in it). */
    private CompletionStage<Void> abandoned(Seat seat, int absence) {
        if (!seats.holds(seat) || seat.absences != absence || seat.connected || seat.leaving) {
            return CompletableFuture.completedFuture(null);
        }
        log.info("table {}: {} did not come back; cashing out seat {}", config.id(), seat.player.name(), seat.number);
        seat.leaving = true;
        return inHand(seat) ? actForAbsentPlayer() : cashOut(seat);
    }

    /** The player watches the table again: connected, and sat in if it was their absence that sat them out. */
    private void playerReturned(Seat seat) {
        if (seat == null || seat.connected) {
            return;
        }
        seat.connected = true;
        seat.absences++;
        publish(new TableEvent.ConnectionChanged(seat.number, true));
        if (seat.sittingOutWhileAway && !seat.leaving) {
            seat.sittingOut = false;
            seat.sittingOutWhileAway = false;
            publish(new TableEvent.SatIn(seat.number));
            scheduleHandIfReady();
        }
    }

    // ---- the hand ----

    private void scheduleHandIfReady() {
        if (hand == null && !handScheduled && dealsNewHands() && seats.ready().size() >= 2) {
            handScheduled = true;
            timer.schedule(pauseBetweenHands, () -> mailbox.submit(this::startHand));
        }
    }

    private CompletionStage<Void> startHand() {
        handScheduled = false;
        if (hand != null || !dealsNewHands() || seats.ready().size() < 2) {
            return CompletableFuture.completedFuture(null);
        }
        return hands.open(config.id()).thenCompose(handId -> {
            button = seats.nextReadyAfter(button);
            List<Seat> dealtIn = seats.readyFromLeftOf(button);
            List<PlayerSeat> players = dealtIn.stream().map(s -> new PlayerSeat(s.number, s.stack)).toList();
            HoldemHand engine = HoldemHand.start(new HandSetup(players, config.stakes(), config.rake(), true, Reopening.FULL_RAISE_ONLY));
            DeckSource.ShuffledDeck shuffled = decks.shuffle(config.id(), handId);
            metrics.handsStarted.increment();
            hand = RunningHand.start(handId, engine, shuffled, config, button, dealtIn, clock.instant());
            publish(new TableEvent.HandStarted(handId, button, dealtIn.stream().map(s -> s.number).toList(),
                    shuffled.commitment(), shuffled.nextCommitment()));
            List<HandEvent> opening = new ArrayList<>(engine.events());
            opening.addAll(hand.dealHoleCards());
            return commitAndPublish(opening, false);
        });
    }

    private boolean dealsNewHands() {
        return !closing && !paused && !closedByOperator;
    }

    private CompletionStage<Void> act(ClientConnection connection, Player player, ClientMessage.Act act) {
        Seat seat = seats.of(player);
        if (seat == null) {
            return refuse(connection, act.requestId(), ErrorCode.NOT_SEATED, "you have no seat at this table");
        }
        ClientMessage.Act earlier = seat.actionFor(act.requestId());
        if (earlier != null) {
            // Sent again (a reconnect, a double click): answered, not repeated.
            return earlier.equals(act) ? done(connection, act.requestId())
                    : refuse(connection, act.requestId(), ErrorCode.REQUEST_ID_REUSED, "request " + act.requestId() + " was another action");
        }
        if (hand == null || hand.id != act.handId()) {
            return refuse(connection, act.requestId(), ErrorCode.ILLEGAL_ACTION, "hand " + act.handId() + " is not being played");
        }
        if (hand.hand.actor().isEmpty() || hand.hand.actor().getAsInt() != seat.number) {
            return refuse(connection, act.requestId(), ErrorCode.NOT_YOUR_TURN, "it is not your turn");
        }
        HandCommand command;
        try {
            command = commandFor(seat.number, act);
        } catch (IllegalArgumentException e) {
            return refuse(connection, act.requestId(), ErrorCode.ILLEGAL_ACTION, e.getMessage());
        }
        var refusal = hand.hand.refusal(command);
        if (refusal.isPresent()) {
            return refuse(connection, act.requestId(), ErrorCode.ILLEGAL_ACTION, refusal.get().getMessage());
        }
        chargeTimeBank(seat);
        seat.carriedOut(act);
        connection.send(new ServerMessage.Done(act.requestId()));
        long received = System.nanoTime();
        metrics.actions.increment();
        return play(command, false).thenRun(() -> metrics.actionToBroadcast.recordNanos(System.nanoTime() - received));
    }

    /** The engine command for a wire action; amounts are raise-to totals for the street. */
    private HandCommand commandFor(int seat, ClientMessage.Act act) {
        LegalActions legal = hand.hand.legalActions().orElseThrow();
        ActionKind kind = act.action();
        if ((kind == ActionKind.BET || kind == ActionKind.RAISE) && act.amount() == null) {
            throw new IllegalArgumentException(kind + " needs an amount");
        }
        return switch (kind) {
            case FOLD -> new HandCommand.Fold(seat);
            case CHECK -> new HandCommand.Check(seat);
            case CALL -> new HandCommand.Call(seat);
            // Both name the street total the player wants in front of them; which one it is depends on whether a bet
            // is open (the big blind's option before the flop is a raise), and the engine knows that better than a client.
            case BET, RAISE -> legal.isBet() ? new HandCommand.Bet(seat, act.amount()) : new HandCommand.RaiseTo(seat, act.amount());
            case ALL_IN -> !legal.canBetOrRaise() ? new HandCommand.Call(seat)
                    : legal.isBet() ? new HandCommand.Bet(seat, legal.maxTo()) : new HandCommand.RaiseTo(seat, legal.maxTo());
        };
    }

    private CompletionStage<Void> play(HandCommand command, boolean timedOut) {
        hand.stopClock();
        return commitAndPublish(hand.play(command), timedOut);
    }

    /**
     * Posts the events' chip movements as one posting and publishes the events once it committed; then moves the hand
     * on (next turn, or the end of the hand).
     */
    private CompletionStage<Void> commitAndPublish(List<HandEvent> handEvents, boolean timedOut) {
        RunningHand current = hand;
        Posting posting = poster.postingFor(current.nextPostingKey(config.id()), "h" + current.id, null, handEvents, this::seatAccount);
        CompletableFuture<PostingResult> committed = posting == null
                ? CompletableFuture.completedFuture(null)
                : current.hand.isComplete() ? draftThenPost(current, handEvents, posting)
                : poster.post(posting);
        return committed.thenCompose(result -> {
            if (result != null && !result.accepted()) {
                log.error("table {} hand {}: the ledger refused the hand's chips ({}); voiding the hand", config.id(), current.id, result);
                return voidHand("the ledger refused a movement");
            }
            current.committed(handEvents, result);
            for (HandEvent event : handEvents) {
                HandNarrator.Told told = current.narrator.tell(event, current.hand::pots, current.hand::board, timedOut);
                if (told != null) {
                    publish(told.forAll(), told.privateSeat(), told.forSeat());
                }
            }
            return afterProgress();
        });
    }

    /**
     * Posts the hand's settlement after storing the record the hand will have once it commits, so a crash between
     * the commit and the hand's finish does not lose its cards and actions (CrashRecovery stores the draft). A draft
     * that fails to store costs only that: the settlement goes ahead.
     */
    private CompletableFuture<PostingResult> draftThenPost(RunningHand current, List<HandEvent> settlement, Posting posting) {
        return hands.draftSettlement(current.id, current.settlementDraft(settlement, clock.instant()))
                .exceptionally(failure -> {
                    log.warn("table {} hand {}: the settlement draft was not stored", config.id(), current.id, failure);
                    return null;
                })
                .thenCompose(v -> poster.post(posting));
    }

    private CompletionStage<Void> afterProgress() {
        if (hand.hand.isComplete()) {
            return finishHand();
        }
        if (hand.hand.actor().isPresent()) {
            startTurn();
            return actForAbsentPlayer();
        }
        return CompletableFuture.completedFuture(null);
    }

    private CompletionStage<Void> finishHand() {
        RunningHand finished = hand;
        Money pot = Money.ZERO;
        for (HandEvent event : finished.hand.events()) {
            if (event instanceof HandEvent.HandEnded ended) {
                ended.stacks().forEach(s -> seats.get(s.seat()).stack = s.stack());
            } else if (event instanceof HandEvent.PotAwarded award) {
                pot = pot.plus(award.amount());
            } else if (event instanceof HandEvent.RakeTaken rake) {
                pot = pot.plus(rake.amount());
            }
        }
        potAverage.add(pot);
        hand = null;
        metrics.handsSettled.increment();
        // The hand ends for the players once its record is stored, so "my hands" lists every hand they saw end. A
        // record that fails to store must not stall the table: the chips are settled, and the next start finds the
        // hand open with its settlement committed and stores it as settled from its draft (CrashRecovery).
        return hands.finish(finished.id, HandRecords.HandOutcome.SETTLED, finished.settledHistory(clock.instant()))
                .exceptionally(failure -> {
                    log.error("table {} hand {}: the settled hand's record was not stored", config.id(), finished.id, failure);
                    return null;
                })
                .thenRun(() -> publish(new TableEvent.HandEnded(finished.id, finished.serverSeed())))
                .thenCompose(v -> cashOutLeavers())
                .thenRun(this::scheduleHandIfReady);
    }

    private CompletionStage<Void> cashOutLeavers() {
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (Seat seat : seats.occupied()) {
            if (seat.leaving || closedByOperator) {
                chain = chain.thenCompose(v -> cashOut(seat));
            }
        }
        return chain.thenRun(() -> {
            if (closedByOperator && seats.occupied().isEmpty()) {
                emptiedForClose.complete(null);
            }
        });
    }

    /** Returns every chip of the current hand to the seat it came from, then ends the hand. */
    private CompletionStage<Void> voidHand(String reason) {
        RunningHand voided = hand;
        hand = null;
        voided.stopClock();
        metrics.handsVoided.increment();
        return new HandVoider(ledger, worker).voidHand(potAccount, config.ledgerOwner(), "h" + voided.id)
                .thenCompose(refunds -> hands.finish(voided.id, HandRecords.HandOutcome.VOIDED,
                        voided.voidedHistory(reason, refunds, clock.instant())))
                .thenApply(v -> {
                    seats.occupied().forEach(seat -> seat.stack = ledger.balance(seat.accountId));
                    publish(new TableEvent.HandVoided(voided.id, reason));
                    return null;
                });
    }

    // ---- turns and the clock ----

    private void startTurn() {
        int actorSeat = hand.hand.actor().getAsInt();
        Seat seat = seats.get(actorSeat);
        hand.turn++;
        hand.turnStarted = clock.instant();
        hand.inTimeBank = false;
        LegalActions legal = hand.hand.legalActions().orElseThrow();
        TableView.Turn publicTurn = new TableView.Turn(actorSeat, config.actionTime().toMillis(), seat.timeBank.toMillis(), null);
        TableView.Turn privateTurn = new TableView.Turn(actorSeat, config.actionTime().toMillis(), seat.timeBank.toMillis(), legalView(legal));
        publish(new TableEvent.TurnStarted(publicTurn), actorSeat, new TableEvent.TurnStarted(privateTurn));
        scheduleClock(config.actionTime());
    }

    private void scheduleClock(Duration delay) {
        long handId = hand.id;
        int turn = hand.turn;
        hand.clock = timer.schedule(delay, () -> mailbox.submit(() -> clockRanOut(handId, turn)));
    }

    private CompletionStage<Void> clockRanOut(long handId, int turn) {
        if (hand == null || hand.id != handId || hand.turn != turn) {
            return CompletableFuture.completedFuture(null); // the player acted in time
        }
        Seat seat = seats.get(hand.hand.actor().getAsInt());
        if (!hand.inTimeBank && !seat.timeBank.isZero() && !seat.timeBank.isNegative()) {
            hand.inTimeBank = true;
            hand.turnStarted = clock.instant();
            scheduleClock(seat.timeBank);
            return CompletableFuture.completedFuture(null);
        }
        seat.timeBank = Duration.ZERO;
        metrics.actions.increment();
        metrics.actionsTimedOut.increment();
        return play(autoAction(seat.number), true);
    }

    private void chargeTimeBank(Seat seat) {
        if (hand.inTimeBank) {
            Duration used = Duration.between(hand.turnStarted, clock.instant());
            seat.timeBank = seat.timeBank.minus(used).isNegative() ? Duration.ZERO : seat.timeBank.minus(used);
        }
    }

    /** A leaving player's turn is played at once: check when free, otherwise fold. */
    private CompletionStage<Void> actForAbsentPlayer() {
        if (hand == null || hand.hand.actor().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Seat seat = seats.get(hand.hand.actor().getAsInt());
        if (!seat.leaving) {
            return CompletableFuture.completedFuture(null);
        }
        return play(autoAction(seat.number), true);
    }

    private HandCommand autoAction(int seat) {
        boolean canCheck = hand.hand.legalActions().map(LegalActions::canCheck).orElse(false);
        return canCheck ? new HandCommand.Check(seat) : new HandCommand.Fold(seat);
    }

    // ---- publishing ----

    private void publish(TableEvent event) {
        audience.publish(event);
    }

    private void publish(TableEvent forAll, int privateSeat, TableEvent forSeat) {
        audience.publish(forAll, privateSeat, forSeat);
    }

    private TableView snapshotFor(int viewerSeat) {
        return TableSnapshot.of(config, seats, hand, button, viewerSeat, clock, decks.nextCommitment(config.id()));
    }

    private static TableView.LegalActions legalView(LegalActions legal) {
        return new TableView.LegalActions(legal.canCheck(), legal.canCheck() ? null : legal.toCall(),
                legal.canBetOrRaise() ? legal.minTo() : null, legal.canBetOrRaise() ? legal.maxTo() : null);
    }

    // ---- small helpers ----

    private boolean inHand(Seat seat) {
        return hand != null && hand.hand.setup().players().stream().anyMatch(p -> p.seat() == seat.number);
    }

    private long seatAccount(int seat) {
        return seats.get(seat).accountId;
    }

    private static CompletionStage<Void> done(ClientConnection connection, String requestId) {
        connection.send(new ServerMessage.Done(requestId));
        return CompletableFuture.completedFuture(null);
    }

    private CompletionStage<Void> refuse(ClientConnection connection, String requestId, ErrorCode code, String message) {
        metrics.requestsRefused.increment();
        connection.send(new ServerMessage.Error(requestId, code, message));
        return CompletableFuture.completedFuture(null);
    }

    private CompletionStage<Void> refuseRejected(ClientConnection connection, String requestId, PostingResult.Rejected rejected) {
        ErrorCode code = rejected.reason() == RejectReason.INSUFFICIENT_FUNDS ? ErrorCode.INSUFFICIENT_FUNDS
                : rejected.reason() == RejectReason.IDEMPOTENCY_CONFLICT ? ErrorCode.REQUEST_ID_REUSED
                : ErrorCode.INTERNAL;
        return refuse(connection, requestId, code, rejected.message());
    }
}
