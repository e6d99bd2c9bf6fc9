package io.chipledger.server.tournament.director;

import io.chipledger.ledger.Fence;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.RejectReason;
import io.chipledger.money.Money;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.server.account.Player;
import io.chipledger.server.table.Mailbox;
import io.chipledger.server.tournament.Bust;
import io.chipledger.server.tournament.Placing;
import io.chipledger.server.tournament.Prize;
import io.chipledger.server.tournament.SitAndGo;
import io.chipledger.server.tournament.TournamentRefusal;
import io.chipledger.server.tournament.TournamentStatus;
import io.chipledger.server.tournament.director.TournamentRecords.StoredTournament;
import io.chipledger.server.tournament.director.TournamentRecords.StoredEntry;
import io.chipledger.server.table.TableActor;
import io.chipledger.server.tournament.director.TournamentRecords.LevelState;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sit-and-go: its commands (register, unregister, cancel, a hand's busts) run one at a time in its
 * {@link Mailbox}, each in the order that keeps the ledger and the stored state in step: the intent is stored, then the
 * money posted under a key derived from it, then the state moves on and the players hear of it. A crash anywhere in
 * between is finished by {@link #recover}, which posts again under the same keys.
 *
 * <p>The public methods may be called from any thread (they only enqueue); everything else runs in the mailbox.
 */
public final class TournamentActor {

    private static final Logger log = LoggerFactory.getLogger(TournamentActor.class);

    /** What a registration or an unregistration came to. */
    public record EntryAnswer(long tournamentId, long entryId, String state, Money wallet, boolean started, boolean replayed) {
    }

    private final SitAndGo sitAndGo;
    private final long templateId;
    private final Mailbox mailbox;
    private final TournamentRecords records;
    private final EntryCashier cashier;
    private final TournamentPayer payer;
    private final TournamentDirector.Services services;
    private final Consumer<TournamentActor> changed;
    private final Map<Long, String> names = new ConcurrentHashMap<>();
    /** Where it is dealt once it runs; null when nothing deals sit-and-gos (tests of the money alone). */
    private final TournamentDirector.Tables tables;
    private StoredTournament row;
    /** The table dealing it, once it runs here. */
    private TableActor table;
    /** Each player's chips still in, after the last hand (the starting chips before the first); for the view. */
    private final Map<Long, Long> chips = new ConcurrentHashMap<>();
    /** The level in force as the table counts it, after the last hand; null before. */
    private LevelState level;

    TournamentActor(SitAndGo sitAndGo, long templateId, StoredTournament row, TournamentRecords records,
                    TournamentDirector.Services services, TournamentDirector.Tables tables,
                    Consumer<TournamentActor> changed, Supplier<Fence> fence) {
        this.sitAndGo = sitAndGo;
        this.tables = tables;
        this.templateId = templateId;
        this.row = row;
        this.records = records;
        this.services = services;
        this.changed = changed;
        this.mailbox = new Mailbox(services.mailboxes());
        this.cashier = new EntryCashier(services.ledger(), services.worker(), services.currency(), sitAndGo.id(),
                sitAndGo.rules(), fence);
        this.payer = new TournamentPayer(sitAndGo.id(), cashier, records, services);
    }

    public long id() {
        return sitAndGo.id();
    }

    long templateId() {
        return templateId;
    }

    /** Registering now: read by the director outside the mailbox, so it may be a moment late (no harm: it asks again). */
    boolean registering() {
        return sitAndGo.status() == TournamentStatus.REGISTERING;
    }

    boolean over() {
        return sitAndGo.status().over();
    }

    // ---- commands, from any thread ----

    /** Registers the player: the buy-in and fee leave their wallet; the last seat taken starts the tournament. */
    public CompletableFuture<EntryAnswer> register(Player player, String requestId) {
        return mailbox.submit(() -> onWorker(() -> records.entryByRequest(id(), player.id(), requestId)).thenCompose(earlier -> {
            if (earlier != null) {
                return answerAgain(earlier);
            }
            if (services.frozen().test(player.id())) {
                throw new TournamentRefusal(TournamentRefusal.Code.ACCOUNT_FROZEN, player.name() + "'s account is frozen");
            }
            sitAndGo.verifyRegister(player.id());
            return onWorker(() -> records.insertEntry(id(), player.id(), requestId))
                    .thenCompose(entryId -> cashier.enter(entryId, player.id())
                            .thenCompose(result -> result.accepted() ? registered(player, entryId) : refused(entryId, result)));
        }));
    }

    /** Unregisters the player before the start: their buy-in and fee go back to their wallet. */
    public CompletableFuture<EntryAnswer> unregister(Player player) {
        return mailbox.submit(() -> {
            sitAndGo.verifyUnregister(player.id());
            long entryId = sitAndGo.entries().get(player.id());
            return runOnWorker(() -> records.setEntryState(entryId, "UNREGISTERED", services.clock().instant()))
                    .thenCompose(v -> payer.refund(entryId, player.id()))
                    .thenApply(v -> sitAndGo.unregister(player.id()))
                    .thenCompose(v -> answer(player.id(), entryId, "UNREGISTERED", false, false));
        });
    }

    /** Cancels the tournament (registering or running): every registered entry's buy-in and fee go back. */
    public CompletableFuture<TournamentView> cancel(String reason) {
        return mailbox.submit(() -> {
            sitAndGo.verifyCancel();
            Map<Long, Long> entries = sitAndGo.entries();
            return runOnWorker(() -> records.cancelling(id(), reason))
                    .thenApply(v -> sitAndGo.cancel())
                    .thenApply(v -> endTable("the tournament was cancelled: " + reason))
                    .thenCompose(v -> payer.refundAll(entries))
                    .thenCompose(v -> runOnWorker(() -> records.setStatus(id(), TournamentStatus.CANCELLED, services.clock().instant())))
                    .thenApply(v -> {
                        sitAndGo.refunded();
                        changed.accept(this);
                        return currentView();
                    });
        });
    }

    /**
     * The players who busted in hand {@code handId} are out, in the places Robert's Rules give them; when one player is
     * left the prizes are decided and paid. Returns the placings decided.
     */
    public CompletableFuture<List<Placing>> eliminate(Long handId, List<Bust> busts) {
        return mailbox.submit(() -> {
            List<Placing> decided = sitAndGo.eliminate(busts);
            List<Prize> prizes = sitAndGo.status() == TournamentStatus.FINISHING ? sitAndGo.prizes() : List.of();
            Map<Long, Long> entries = sitAndGo.entries();
            return runOnWorker(() -> records.recordPlacings(id(), decided, handId, entries::get, prizes))
                    .thenCompose(v -> prizes.isEmpty() ? CompletableFuture.completedFuture(null) : payPrizes(prizes))
                    .thenApply(v -> decided);
        });
    }

    /**
     * Hand {@code handId} at the tournament's table ended with these chips and busts: one transaction stores the level,
     * the chips and the places it decided (and the prizes, when one player is left, which are then paid). A hand that
     * ends after an operator cancelled the tournament changes nothing.
     */
    CompletableFuture<Void> handPlayed(long handId, LevelState level, int button, Map<Long, Long> chipsByPlayer,
                                       List<Bust> busts) {
        return mailbox.submit(() -> {
            if (sitAndGo.status() != TournamentStatus.RUNNING) {
                return CompletableFuture.completedFuture(null);
            }
            List<Placing> decided = busts.isEmpty() ? List.of() : sitAndGo.eliminate(busts);
            List<Prize> prizes = sitAndGo.status() == TournamentStatus.FINISHING ? sitAndGo.prizes() : List.of();
            Map<Long, Long> entries = sitAndGo.entries();
            Map<Long, Long> chipsByEntry = new HashMap<>();
            chipsByPlayer.forEach((player, chips) -> chipsByEntry.put(entries.get(player), chips));
            busts.forEach(bust -> chipsByEntry.put(entries.get(bust.playerId()), 0L));
            return runOnWorker(() -> records.recordHand(id(), handId, level, button, chipsByEntry, decided, entries::get,
                    prizes))
                    .thenCompose(v -> {
                        this.level = level;
                        chips.putAll(chipsByPlayer);
                        busts.forEach(bust -> chips.remove(bust.playerId()));
                        return prizes.isEmpty() ? CompletableFuture.completedFuture(null) : payPrizes(prizes);
                    });
        });
    }

    /** The tournament as the lobby and the admin console show it. */
    public CompletableFuture<TournamentView> view() {
        return mailbox.submit(() -> CompletableFuture.completedFuture(currentView()));
    }

    /**
     * Finishes what a crash cut short, before the actor takes any other command; {@code entries} are the tournament's
     * stored entries in registration order. Registering: each stored registration is posted again (a replay if it had
     * committed; refused now, it is marked so) and each unregistration's refund too. Finishing: the stored prizes are
     * posted again. Cancelling: every refund is posted again. The keys make each of these move money at most once.
     */
    CompletableFuture<Void> recover(List<StoredEntry> entries) {
        return mailbox.submit(() -> {
            entries.forEach(entry -> names.put(entry.playerId(), entry.playerName()));
            CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
            switch (sitAndGo.status()) {
                case REGISTERING -> {
                    for (StoredEntry entry : entries) {
                        if ("REGISTERED".equals(entry.state())) {
                            done = done.thenCompose(v -> cashier.enter(entry.id(), entry.playerId())).thenCompose(result -> {
                                if (result.accepted()) {
                                    return sitAndGo.register(entry.playerId(), entry.id()) ? start() : CompletableFuture.completedFuture(null);
                                }
                                return runOnWorker(() -> records.setEntryState(entry.id(), "REFUSED", services.clock().instant()));
                            });
                        } else if ("UNREGISTERED".equals(entry.state())) {
                            done = done.thenCompose(v -> payer.refund(entry.id(), entry.playerId()));
                        }
                    }
                }
                case FINISHING -> done = payPrizes(entries.stream().filter(e -> e.prize() != null)
                        .map(e -> new Prize(e.playerId(), e.place(), e.lastPlace(), e.prize(), Boolean.TRUE.equals(e.oddCent())))
                        .sorted(java.util.Comparator.comparingInt(Prize::place)).toList());
                case CANCELLING -> {
                    for (StoredEntry entry : entries) {
                        if (!"REFUSED".equals(entry.state())) {
                            done = done.thenCompose(v -> payer.refund(entry.id(), entry.playerId()));
                        }
                    }
                    done = done.thenCompose(v -> runOnWorker(() -> records.setStatus(id(), TournamentStatus.CANCELLED,
                            services.clock().instant()))).thenRun(() -> {
                                sitAndGo.refunded();
                                changed.accept(this);
                            });
                }
                case RUNNING -> done = openTable(TournamentSeating.chipsToResume(entries,
                        sitAndGo.rules().startingChips()));
                default -> {
                    // Over: nothing is due.
                }
            }
            return done;
        });
    }

    // ---- inside the mailbox ----

    private TournamentView currentView() {
        return TournamentView.of(sitAndGo, templateId, row, names, chips, level, services.clock().instant());
    }

    private CompletionStage<EntryAnswer> registered(Player player, long entryId) {
        names.put(player.id(), player.name());
        boolean full = sitAndGo.register(player.id(), entryId);
        CompletableFuture<Void> start = full ? start() : CompletableFuture.completedFuture(null);
        return start.thenCompose(v -> answer(player.id(), entryId, "REGISTERED", full, false));
    }

    private CompletionStage<EntryAnswer> refused(long entryId, PostingResult result) {
        PostingResult.Rejected rejected = (PostingResult.Rejected) result;
        return runOnWorker(() -> records.setEntryState(entryId, "REFUSED", services.clock().instant())).thenApply(v -> {
            throw refusal(rejected);
        });
    }

    private static TournamentRefusal refusal(PostingResult.Rejected rejected) {
        if (rejected.reason() == RejectReason.INSUFFICIENT_FUNDS) {
            return new TournamentRefusal(TournamentRefusal.Code.INSUFFICIENT_FUNDS,
                    "your wallet does not hold the buy-in and the fee; nothing moved");
        }
        if (rejected.reason() == RejectReason.FENCED) {
            // This node lost the tournament's lease (a pause): another node runs it now.
            return new TournamentRefusal(TournamentRefusal.Code.NOT_REGISTERING,
                    "another game node runs this tournament now; nothing moved: register again");
        }
        throw new IllegalStateException("the ledger refused an entry: " + rejected);
    }

    /** A request sent again: answered as it was the first time, moving nothing. */
    private CompletionStage<EntryAnswer> answerAgain(StoredEntry entry) {
        if ("REFUSED".equals(entry.state())) {
            throw new TournamentRefusal(TournamentRefusal.Code.INSUFFICIENT_FUNDS,
                    "this request was refused: the wallet did not hold the buy-in and the fee; nothing moved");
        }
        return answer(entry.playerId(), entry.id(), entry.state(), false, true);
    }

    private CompletableFuture<Void> start() {
        Map<Long, Long> starting = new LinkedHashMap<>();
        sitAndGo.players().forEach(player -> starting.put(player, sitAndGo.rules().startingChips()));
        return runOnWorker(() -> {
            records.setStatus(id(), TournamentStatus.RUNNING, services.clock().instant());
            row = records.tournament(id());
        }).thenRun(() -> changed.accept(this)).thenCompose(v -> openTable(starting));
    }

    /**
     * Opens the tournament's table (again, after a restart: the same table) and seats each player still in with
     * {@code chips}.
     */
    private CompletableFuture<Void> openTable(Map<Long, Long> stacks) {
        chips.putAll(stacks);
        if (tables == null) {
            return CompletableFuture.completedFuture(null);
        }
        TournamentSeating seating = new TournamentSeating(tables, records, services.clock());
        return onWorker(() -> seating.open(this, sitAndGo, row, stacks)).thenCompose(opened -> {
            row = opened.row();
            table = opened.table();
            // Pushed, so a registered player's client opens the table rather than finding out by polling the lobby.
            ServerMessage started = new ServerMessage.TournamentStarted(id(), table.config().id());
            stacks.keySet().forEach(player -> services.online().send(player, started));
            return opened.seated();
        });
    }

    /** Ends the table, if one deals the tournament; not waited for (the table may be waiting on this mailbox). */
    private Void endTable(String reason) {
        if (table != null) {
            table.endTournament(reason);
        }
        return null;
    }

    private CompletableFuture<Void> payPrizes(List<Prize> prizes) {
        return payer.pay(prizes).thenCompose(v -> {
            sitAndGo.paid();
            endTable("the tournament is over");
            changed.accept(this);
            return payer.tellWinners(prizes);
        });
    }

    private CompletionStage<EntryAnswer> answer(long playerId, long entryId, String state, boolean startedNow, boolean replayed) {
        return payer.tellWallet(playerId).thenApply(wallet -> new EntryAnswer(id(), entryId, state, wallet, startedNow, replayed));
    }

    private <T> CompletableFuture<T> onWorker(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, services.worker());
    }

    private CompletableFuture<Void> runOnWorker(Runnable work) {
        return CompletableFuture.runAsync(work, services.worker());
    }
}
