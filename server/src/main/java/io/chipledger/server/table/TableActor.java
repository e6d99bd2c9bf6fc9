package io.chipledger.server.table;

import io.chipledger.ledger.AccountKind;
import io.chipledger.money.Money;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.protocol.TableView;
import io.chipledger.server.account.Player;
import io.chipledger.server.game.holdem.Stakes;
import io.chipledger.server.logging.MdcExecutor;
import io.chipledger.server.metrics.GameMetrics;
import io.chipledger.server.net.ClientConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One table: a dispatcher over helpers with one job each ({@link Usher} seats, {@link Attendance} who is away,
 * {@link Croupier} the hand, {@link TurnClock} the clock, {@link Rebuys} busted seats, {@link OperatorCommands},
 * {@link ChatModerator}). Every command goes through the table's {@link Mailbox}, so no two run at once; a helper
 * returns what its command came to as an {@link Outcome}, and {@link #handleAndPublish} sends it, once the ledger
 * committed the chips it moved.
 *
 * <p>The public methods may be called from any thread (they only enqueue); everything else runs in the mailbox.
 */
public final class TableActor {

    private static final Logger log = LoggerFactory.getLogger(TableActor.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final TableConfig config;
    private final Mailbox mailbox;
    private final TableServices services;
    private final GameMetrics metrics;
    private final TableState table;
    private final TableAudience audience;
    private final MessageStages stages;
    private final Croupier croupier;
    private final Departures departures;
    private final Usher usher;
    private final Attendance attendance;
    private final OperatorCommands operator;
    private final ChatModerator chat;

    private TableActor(TableConfig config, TableServices services, HandChips chips, TournamentPlay tournament,
                       Duration pauseBetweenHands, long firstSeq) {
        this.config = config;
        this.mailbox = new Mailbox(MdcExecutor.around(services.tableExecutor(), this::logContext));
        this.services = services;
        this.metrics = services.metrics();
        this.table = new TableState(config);
        this.audience = new TableAudience(config.id(), table.seats::numberOf, metrics.frameEncode, firstSeq);
        this.stages = new MessageStages(metrics, audience);
        if (tournament != null) {
            table.tournament = new TournamentTable(table, tournament);
        }
        SeatCashier cashier = chips instanceof ChipPoster poster
                ? new SeatCashier(config, services.ledger(), poster, services.seats(), services.worker()) : null;
        CommandTimer timers = this::later;
        this.departures = new Departures(table, cashier);
        Rebuys rebuys = new Rebuys(table, timers, services.seatTimeouts().rebuyWindow(), departures);
        this.croupier = new Croupier(table, new TurnClock(table, timers, services.clock()), departures, rebuys, chips,
                services, timers, pauseBetweenHands);
        RemovedPlayers removed = new RemovedPlayers(services.clock(), services.seatTimeouts().barAfterRemoval());
        this.usher = new Usher(table, cashier, croupier, removed);
        this.attendance = new Attendance(table, services.seatTimeouts(), timers, croupier);
        this.operator = new OperatorCommands(table, croupier, departures, removed);
        this.chat = new ChatModerator(services.clock());
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
        ChipPoster poster = new ChipPoster(services.ledger(), pot, house, config.ledgerOwner(),
                services.metrics().ledgerCommit, services.worker());
        return new TableActor(config, services, poster, null, pauseBetweenHands, 0);
    }

    /**
     * A sit-and-go's table: the same play in tournament chips, which the ledger never sees. Its players are seated
     * by {@link #seatTournamentPlayers}; the stakes of each hand, the players' chips and the busts are the
     * tournament's ({@code play}).
     */
    public static TableActor forTournament(TableConfig config, TableServices services, Duration pauseBetweenHands,
                                           TournamentPlay play) {
        return new TableActor(config, services, new TournamentChips(), play, pauseBetweenHands, 0);
    }

    /**
     * A sit-and-go's table as the game node running its tournament serves it, under {@code fence}: its hand, seat and
     * history writes carry the fence like a cash table's, and its events are numbered above an earlier owner's.
     */
    public static TableActor forTournamentUnder(TableFence fence, TableConfig config, TableServices services,
                                                Duration pauseBetweenHands, TournamentPlay play) {
        return new TableActor(config, services.fencedBy(fence), new TournamentChips(), play, pauseBetweenHands,
                fence.firstSeq());
    }

    public boolean playsATournament() {
        return table.playsATournament();
    }

    /** A tournament player and the chips they sit down with; {@code connected}: watching the table now. */
    public record TournamentSeat(int seat, Player player, long chips, boolean connected) {
    }

    /**
     * Seats a tournament's players with their chips, the button to move on from {@code lastButton} (the seat it had in
     * the last hand played, null before the first). The first hand is dealt once every player watches the table, or
     * once the disconnect grace is over: then the absent are blinded off until they come.
     */
    public CompletableFuture<Void> seatTournamentPlayers(List<TournamentSeat> players, Integer lastButton) {
        return mailbox.submit(() -> {
            Outcome seated = table.tournament.seat(players.stream().map(p -> new TournamentTable.Entrant(p.seat(),
                    p.player(), p.chips(), p.connected())).toList(), lastButton);
            later(services.seatTimeouts().disconnectGrace(), () -> {
                table.tournament.arrivalGraceOver();
                croupier.dealIfReady();
                return Outcome.none().now();
            });
            croupier.dealIfReady();
            return handleAndPublish(Requester.NOBODY, seated.now());
        });
    }

    /** The tournament ended (a winner, or a cancellation): the hand in progress is voided and the table deals no more. */
    public CompletableFuture<Void> endTournament(String reason) {
        return mailbox.submit(() -> handleAndPublish(Requester.NOBODY, croupier.endTournament(reason)));
    }

    /**
     * Opens the table as one game node serves it, under {@code fence}: every posting, hand, seat and history write it
     * makes carries the fence and is refused once another node claimed the table; its events are numbered above every
     * number an earlier owner used, so a client that watched it there is sent a snapshot here. Blocking.
     */
    public static TableActor openUnder(TableFence fence, TableConfig config, TableServices services,
                                       Duration pauseBetweenHands) {
        TableServices fenced = services.fencedBy(fence);
        long pot = fenced.ledger().openAccount(AccountKind.POT, config.ledgerOwner(), config.currency()).id();
        long house = fenced.ledger().openAccount(AccountKind.RAKE, config.ledgerOwner(), config.currency()).id();
        ChipPoster poster = new ChipPoster(fenced.ledger(), pot, house, config.ledgerOwner(),
                services.metrics().ledgerCommit, services.worker());
        return new TableActor(config, fenced, poster, null, pauseBetweenHands, fence.firstSeq());
    }

    public TableConfig config() {
        return config;
    }

    // ---- ownership, for a game node among others ----

    /**
     * Another node serves the table now (its lease moved on): this one stops at once, moving no chip. The hand in
     * play is left open for the new owner, which voids it under its own epoch; every watcher is told where the table
     * went ({@code url}, or null: look it up) and is no longer watching here.
     */
    public CompletableFuture<Void> moved(String url) {
        return mailbox.run(() -> stopServing(url));
    }

    /**
     * Hands the table over between hands (a drain, or a node with more than its share): deals no new hand, and once
     * no hand is in play stops serving it as {@link #moved} does. Completes true when it stopped, false while a hand
     * still plays (ask again later: the hand plays on to its end).
     */
    public CompletableFuture<Boolean> handOverBetweenHands() {
        return mailbox.submit(() -> {
            table.closing = true;
            if (table.hand != null) {
                return CompletableFuture.completedFuture(false);
            }
            stopServing(null);
            return CompletableFuture.completedFuture(true);
        });
    }

    private void stopServing(String url) {
        if (table.moved) {
            return;
        }
        table.moved = true;
        table.closing = true;
        croupier.abandonHand();
        audience.movedAway(url);
    }

    // ---- commands, from any thread ----

    /**
     * Routes a client's table message; {@code player} is the connection's authenticated player. Completes with the
     * answer the connection was sent (done or error), once it was sent.
     */
    public CompletableFuture<ServerMessage> receive(ClientConnection connection, Player player, ClientMessage message) {
        return receive(connection, player, message, System.nanoTime());
    }

    /** As above, for a message whose frame arrived at {@code receivedNanos}: its stages are timed from then. */
    public CompletableFuture<ServerMessage> receive(ClientConnection connection, Player player, ClientMessage message,
                                                    long receivedNanos) {
        Requester requester = new Requester(connection, player, new CompletableFuture<>());
        long queued = System.nanoTime();
        mailbox.submit(() -> stages.timed(message, queued, receivedNanos, () -> handle(requester, message))).whenComplete((done, failure) -> {
            if (failure != null) {
                log.error("table {}: {} failed", config.id(), message, failure);
                ServerMessage internal = new ServerMessage.Error(message.requestId(), ErrorCode.INTERNAL, "the server failed; nothing changed");
                if (requester.answer().complete(internal)) {
                    connection.send(internal);
                }
            }
            requester.answer().complete(null); // a command that answered nothing
        });
        return requester.answer();
    }

    /** The connection closed: it stops watching, and a seated player with no other connection here is away. */
    public void disconnected(ClientConnection connection) {
        mailbox.submit(() -> {
            Player player = audience.remove(connection);
            return player == null || audience.isWatching(player) ? DONE
                    : handleAndPublish(Requester.NOBODY, attendance.leftTheRoom(player).now());
        });
    }

    /**
     * Seats a player found in the seat records at start-up, with the chips their seat account holds. They are away
     * until they come back (watch the table); if they do not within the grace, the stack goes back to their wallet.
     */
    public CompletableFuture<Void> restoreSeat(int number, Player player, long accountId, String stintKey, Money stack) {
        return mailbox.run(() -> attendance.restoreSeat(number, player, accountId, stintKey, stack));
    }

    /** Voids the hand in progress, if any (every chip back on its seat), and stops dealing new ones. */
    public CompletableFuture<Void> shutdown() {
        return mailbox.submit(() -> handleAndPublish(Requester.NOBODY, croupier.shutdown()));
    }

    /** Everything a lobby shows of the table. */
    public CompletableFuture<LobbyEntry> lobbyEntry() {
        return mailbox.submit(() -> CompletableFuture.completedFuture(
                new LobbyEntry(config, table.seats.playerNames(), audience.size(), croupier.averagePot())));
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
        return pause("the table is paused");
    }

    /** As {@link #pause()}, telling the players {@code reason}. */
    public CompletableFuture<Void> pause(String reason) {
        return mailbox.submit(() -> handleAndPublish(Requester.NOBODY, operator.pause(reason).now()));
    }

    public CompletableFuture<Void> resume() {
        return mailbox.submit(() -> handleAndPublish(Requester.NOBODY, operator.resume().now()));
    }

    /**
     * The database went away: deals no new hand until {@link #databaseBack()}, and tells everyone at the table. The
     * watchers are told at once, unnumbered ({@link TableAudience#noticeNow}): the mailbox may itself be waiting for a
     * commit that does not finish (no synchronous standby), and its numbered {@code tablePaused} follows only then.
     */
    public CompletableFuture<Void> databaseLost() {
        audience.noticeNow(new TableEvent.TablePaused(OperatorCommands.DATABASE_AWAY));
        return mailbox.submit(() -> handleAndPublish(Requester.NOBODY, operator.databaseLost()));
    }

    public CompletableFuture<Void> databaseBack() {
        return mailbox.submit(() -> handleAndPublish(Requester.NOBODY, operator.databaseBack()));
    }

    /**
     * Closes the table: no new hands or seats; the hand in progress is played to its end, then every seat is cashed
     * out. Completes when the last seat is empty. Calling it again (e.g. after a refused cash-out) tries the cash-outs
     * again once no hand is running.
     */
    public CompletableFuture<Void> close() {
        return close("the table is closing");
    }

    /** As {@link #close()}, telling the players {@code reason}. */
    public CompletableFuture<Void> close(String reason) {
        return mailbox.submit(() -> handleAndPublish(Requester.NOBODY, operator.close(reason)))
                .thenCompose(v -> departures.emptiedForClose());
    }

    /** Stands a player up as their own leave would: folded now if it is their turn, cashed out after the hand. */
    public CompletableFuture<KickResult> kick(long playerId) {
        return kick(playerId, "removed by an operator");
    }

    /** As {@link #kick(long)}, telling the table {@code reason}; the player may not sit here again for a while. */
    public CompletableFuture<KickResult> kick(long playerId, String reason) {
        return mailbox.submit(() -> {
            OperatorCommands.Kick kick = operator.kick(playerId, reason);
            return handleAndPublish(Requester.NOBODY, kick.outcome()).thenApply(v -> kick.result());
        });
    }

    public enum KickResult {
        NOT_SEATED, CASHED_OUT, CASHED_OUT_AFTER_HAND
    }

    /** What an operator sees of the table: its state, the hand in progress, and every seat with its player and stack. */
    public CompletableFuture<OperatorView> operatorView() {
        return mailbox.submit(() -> CompletableFuture.completedFuture(operator.view(audience.size())));
    }

    /** @param state open, paused or closing (a closed table has no actor) */
    public record OperatorView(TableConfig config, TableStatus state, Long handId, List<SeatLine> seats, int watching,
                               Money averagePot) {
        public record SeatLine(int seat, long playerId, String player, Money stack, boolean inHand, boolean sittingOut,
                               boolean leaving, boolean connected) {
        }
    }

    // ---- the dispatch table ----

    private CompletionStage<Void> handle(Requester requester, ClientMessage message) {
        Player player = requester.player();
        if (table.moved) {
            requester.connection().send(new ServerMessage.TableMoved(config.id(), null));
            return handleAndPublish(requester, Outcome.refused(message.requestId(), ErrorCode.TABLE_MOVED,
                    "another game node serves table " + config.id() + " now").now());
        }
        if (message instanceof ClientMessage.Watch watch) {
            return handleAndPublish(requester, Outcome.done(watch.requestId())
                    .and(new Outcome.CaughtUp(watch.lastSeq(), watch.recent() == null ? 0 : watch.recent()))
                    .thenNow(() -> attendance.returned(player)).now());
        } else if (message instanceof ClientMessage.Unwatch unwatch) {
            audience.remove(requester.connection());
            return handleAndPublish(requester, Outcome.done(unwatch.requestId()).now());
        } else if (message instanceof ClientMessage.SitDown sitDown) {
            return handleAndPublish(requester, usher.sitDown(player, sitDown));
        } else if (message instanceof ClientMessage.TopUp topUp) {
            return handleAndPublish(requester, usher.topUp(player, topUp));
        } else if (message instanceof ClientMessage.Act act) {
            return handleAndPublish(requester, croupier.act(player, act));
        } else if (message instanceof ClientMessage.SitOut sitOut) {
            return handleAndPublish(requester, usher.setSittingOut(player, sitOut.requestId(), true, false).now());
        } else if (message instanceof ClientMessage.SitIn sitIn) {
            return handleAndPublish(requester, usher.setSittingOut(player, sitIn.requestId(), false, sitIn.postsBigBlind()).now());
        } else if (message instanceof ClientMessage.Leave leave) {
            return handleAndPublish(requester, usher.leave(player, leave));
        } else if (message instanceof ClientMessage.Chat line) {
            return handleAndPublish(requester, chat.chat(player, line).now());
        } else if (message instanceof ClientMessage.SetClientSeed seed) {
            return handleAndPublish(requester, croupier.setClientSeed(player, seed).now());
        }
        return handleAndPublish(requester, Outcome.refused(message.requestId(), ErrorCode.BAD_MESSAGE, "not a table message").now());
    }

    /**
     * The one place a table's output leaves it. A helper's stage completes only once the ledger committed the chips
     * its command moved (or refused them), so sending in that completion keeps the promise: no one hears of a chip
     * movement the database does not have. A stage may name the stage that follows (the next turn after an action,
     * the cash-outs after a hand); it runs, in the same mailbox turn, once this stage's output is out.
     */
    /** What the table's log lines carry in the MDC: the table, and the hand while one runs. */
    private Map<String, String> logContext() {
        RunningHand running = table.hand;
        return running == null ? Map.of("table", String.valueOf(config.id()))
                : Map.of("table", String.valueOf(config.id()), "hand", String.valueOf(running.id));
    }

    private CompletionStage<Void> handleAndPublish(Requester requester, CompletionStage<Outcome> stage) {
        return stage.thenCompose(outcome -> {
            publish(requester, outcome);
            return outcome.next() == null ? DONE : handleAndPublish(requester, outcome.next().get());
        });
    }

    private void publish(Requester requester, Outcome outcome) {
        for (Outcome.Output output : outcome.outputs()) {
            if (output instanceof Outcome.Published event) {
                audience.publish(event.forAll(), event.privatePlayer(), event.forPlayer());
            } else if (output instanceof Outcome.Reply reply) {
                if (reply.message() instanceof ServerMessage.Error error) {
                    metrics.requestRefused(error.code());
                }
                if (requester.connection() != null) { // a timer's or an operator's command has no one to answer
                    requester.connection().send(reply.message());
                    requester.answer().complete(reply.message());
                }
            } else if (output instanceof Outcome.ToPlayer news) {
                services.online().send(news.playerId(), news.message());
            } else if (output instanceof Outcome.Joined) {
                audience.add(requester.connection(), requester.player());
            } else if (output instanceof Outcome.CaughtUp caughtUp) {
                audience.watch(requester.connection(), requester.player(), caughtUp.lastSeq(), caughtUp.recent(),
                        this::snapshotFor);
            }
        }
    }

    /** A timer's command: sent to the mailbox when it fires, so it runs in turn like any other. */
    private TableTimer.Cancellable later(Duration delay, Supplier<CompletionStage<Outcome>> command) {
        return services.timer().schedule(delay, () -> mailbox.submit(() -> table.moved ? DONE
                : handleAndPublish(Requester.NOBODY, command.get())));
    }

    private TableView snapshotFor(int viewerSeat) {
        // A sit-and-go's blinds rise by level: between hands the last hand's are the ones in force, not the table's own.
        Stakes between = table.playsATournament() ? table.tournament.lastStakes() : null;
        return TableSnapshot.of(config, table.seats, table.hand, between == null ? config.stakes() : between, table.button,
                viewerSeat, services.clock(), services.decks().nextCommitment(config.id()), table.playsATournament());
    }

    /**
     * Who sent the command being handled: replies go to its connection, and the first is its answer. Timers and
     * operators send as nobody.
     */
    private record Requester(ClientConnection connection, Player player, CompletableFuture<ServerMessage> answer) {
        static final Requester NOBODY = new Requester(null, null, new CompletableFuture<>());
    }
}
