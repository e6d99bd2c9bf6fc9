package io.chipledger.server.tournament.director;

import io.chipledger.ledger.Ledger;
import io.chipledger.server.table.PlayerNews;
import io.chipledger.server.tournament.Placing;
import io.chipledger.server.tournament.SitAndGo;
import io.chipledger.server.tournament.TournamentRefusal;
import io.chipledger.server.tournament.TournamentRules;
import io.chipledger.server.tournament.TournamentStatus;
import io.chipledger.server.tournament.director.TournamentRecords.StoredTournament;
import io.chipledger.server.tournament.director.TournamentRecords.StoredEntry;
import io.chipledger.server.account.Player;
import io.chipledger.server.table.TableDirectory;
import io.chipledger.server.table.TableHeldElsewhere;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the room's sit-and-gos: the templates operators define, one actor per tournament not over, and one tournament
 * registering per active template at all times (when one fills and starts, the next opens). At start-up it loads the
 * tournaments a stop left unfinished and finishes what a crash cut short, before the server listens.
 */
public final class TournamentDirector {

    private static final Logger log = LoggerFactory.getLogger(TournamentDirector.class);
    static final int RECENT = 50;

    /** What every tournament actor shares. */
    public record Services(Ledger ledger, PlayerNews online, LongPredicate frozen, Executor mailboxes,
                           Executor worker, Clock clock, String currency) {
    }

    /**
     * Where sit-and-gos are played: the table directory that opens their tables (on a game node, under each table's
     * lease), and each player by id (blocking).
     */
    public record Tables(TableDirectory directory, LongFunction<Player> players) {
    }

    private final TournamentRecords records;
    private final Services services;
    private Tables tables;
    private final Map<Long, TournamentTemplate> templates = new ConcurrentHashMap<>();
    private final Map<Long, TournamentActor> live = new ConcurrentHashMap<>();
    /** Which tournaments this node runs, among game nodes; a server alone runs them all. */
    private TournamentLeases leases = TournamentLeases.ALONE;
    private volatile boolean stopping;

    public TournamentDirector(TournamentRecords records, Services services) {
        this.records = records;
        this.services = services;
    }

    /**
     * From now on a sit-and-go that fills is dealt at a table of {@code where}; call it before {@link #load}, so the
     * running ones resume at theirs. Without it (tests of the money alone) a full sit-and-go waits, running.
     */
    public void dealAt(Tables where) {
        this.tables = where;
    }

    /**
     * On a game node among others: this node runs only the tournaments whose lease it holds ({@link #keepLeases} keeps
     * them, and takes over a dead node's). Call it before {@link #load}.
     */
    public void runUnder(TournamentLeases held) {
        this.leases = held;
    }

    /** Loads templates and unfinished tournaments, finishes their interrupted payments; blocking, for start-up. */
    public void load() {
        records.templates().forEach(template -> templates.put(template.id(), template));
        List<StoredTournament> rows = records.notOver();
        Map<Long, List<StoredEntry>> entries = records.entries(rows.stream().map(StoredTournament::id).toList())
                .stream().collect(Collectors.groupingBy(StoredEntry::tournamentId));
        List<CompletableFuture<Void>> recovering = new ArrayList<>();
        for (StoredTournament row : rows) {
            if (!leases.claim(row.id())) {
                log.info("tournament {} runs on another game node", row.id());
                continue;
            }
            List<StoredEntry> its = entries.getOrDefault(row.id(), List.of());
            TournamentActor actor = actorOf(row, its);
            live.put(row.id(), actor);
            recovering.add(actor.recover(its).exceptionally(failure -> {
                if (!heldElsewhere(failure)) {
                    throw new CompletionException(failure);
                }
                // Another game node holds its table's lease: it runs the tournament, this node leaves it alone.
                live.remove(row.id());
                leases.release(row.id());
                log.info("tournament {} runs on another game node: {}", row.id(), failure.getMessage());
                return null;
            }));
        }
        CompletableFuture.allOf(recovering.toArray(CompletableFuture[]::new)).join();
        templates.values().stream().filter(TournamentTemplate::active).forEach(this::ensureRegistering);
        if (!rows.isEmpty()) {
            log.info("loaded {} tournament(s) not over", rows.size());
        }
    }

    private static boolean heldElsewhere(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TableHeldElsewhere) {
                return true;
            }
        }
        return false;
    }

    /** Stores a template and opens its first tournament; blocking. Bad rules are refused before anything is stored. */
    public TournamentTemplate createTemplate(TournamentRules rules) {
        long id = records.createTemplate(rules);
        TournamentTemplate template = new TournamentTemplate(id, rules, true);
        templates.put(id, template);
        ensureRegistering(template);
        return template;
    }

    /** No new tournament is opened from the template; the one registering stays until it fills or is cancelled. Blocking. */
    public TournamentTemplate retireTemplate(long id) {
        TournamentTemplate template = template(id);
        records.setTemplateActive(id, false);
        TournamentTemplate retired = new TournamentTemplate(id, template.rules(), false);
        templates.put(id, retired);
        return retired;
    }

    public List<TournamentTemplate> templates() {
        return templates.values().stream().sorted(Comparator.comparingLong(TournamentTemplate::id)).toList();
    }

    public Optional<TournamentActor> find(long id) {
        return Optional.ofNullable(live.get(id));
    }

    public Collection<TournamentActor> live() {
        return List.copyOf(live.values());
    }

    /** A tournament as shown: asked of its actor while it is not over, read from the database after. */
    public CompletableFuture<TournamentView> view(long id) {
        TournamentActor actor = live.get(id);
        if (actor != null) {
            return actor.view();
        }
        return CompletableFuture.supplyAsync(() -> {
            StoredTournament row = records.tournament(id);
            if (row == null) {
                throw new TournamentRefusal(TournamentRefusal.Code.UNKNOWN_TOURNAMENT, "no tournament " + id);
            }
            return storedView(row, records.entries(List.of(id)));
        }, services.worker());
    }

    /**
     * Tournaments in the given statuses, newest first: live ones from their actors, the last {@value #RECENT} that are
     * over from the database, and on a game node those other nodes run, from the database too.
     */
    public CompletableFuture<List<TournamentView>> list(List<TournamentStatus> statuses) {
        List<CompletableFuture<TournamentView>> views = live.values().stream().map(TournamentActor::view).toList();
        List<TournamentStatus> over = statuses.stream().filter(TournamentStatus::over).toList();
        boolean elsewhere = !leases.alone() && statuses.stream().anyMatch(status -> !status.over());
        CompletableFuture<List<TournamentView>> ended = over.isEmpty() && !elsewhere ? CompletableFuture.completedFuture(List.of())
                : CompletableFuture.supplyAsync(() -> {
                    List<StoredTournament> rows = new ArrayList<>(over.isEmpty() ? List.of() : records.recent(over, RECENT));
                    if (elsewhere) {
                        records.notOver().stream().filter(row -> !live.containsKey(row.id())
                                && templates.containsKey(row.templateId()) && statuses.contains(TournamentStatus.valueOf(row.status()))).forEach(rows::add);
                    }
                    Map<Long, List<StoredEntry>> entries = records.entries(rows.stream()
                            .map(StoredTournament::id).toList()).stream()
                            .collect(Collectors.groupingBy(StoredEntry::tournamentId));
                    return rows.stream().map(row -> storedView(row, entries.getOrDefault(row.id(), List.of()))).toList();
                }, services.worker());
        return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new)).thenCombine(ended, (v, stored) -> {
            Map<Long, TournamentView> byId = new LinkedHashMap<>();
            stored.forEach(view -> byId.put(view.id(), view));
            views.stream().map(CompletableFuture::join).filter(view -> statuses.contains(view.status()))
                    .forEach(view -> byId.put(view.id(), view)); // a live one that just ended is shown as it is now
            return byId.values().stream().filter(view -> statuses.contains(view.status()))
                    .sorted(Comparator.comparingLong(TournamentView::id).reversed()).toList();
        });
    }

    private TournamentTemplate template(long id) {
        TournamentTemplate template = templates.get(id);
        if (template == null) {
            throw new IllegalArgumentException("no tournament template " + id);
        }
        return template;
    }

    /**
     * Opens a tournament from the template unless one of it is registering already: here, or at another game node
     * (which runs it; a dead node's is taken over here).
     */
    private synchronized void ensureRegistering(TournamentTemplate template) {
        boolean registering = live.values().stream().anyMatch(actor -> actor.templateId() == template.id()
                && actor.registering());
        if (!registering && template.active()) {
            adopt(records.tournament(records.openTournament(template.id())));
        }
    }

    /**
     * Runs the tournament here if this node can claim its lease (a server alone always can): the one just opened, or
     * one whose node died. A running one resumes as after a crash (the hand in play voided, the chips of its start);
     * one that cannot resume yet (its table's lease still held by the dead node) is let go, to be tried again.
     */
    private synchronized void adopt(StoredTournament row) {
        if (live.containsKey(row.id()) || !leases.claim(row.id())) {
            return;
        }
        List<StoredEntry> entries = records.entries(List.of(row.id()));
        TournamentActor actor = actorOf(row, entries);
        live.put(row.id(), actor);
        if (entries.isEmpty() && TournamentStatus.valueOf(row.status()) == TournamentStatus.REGISTERING) {
            return; // a new one: nothing to finish
        }
        log.info("running tournament {} ({}) on this node from now on", row.id(), row.status());
        actor.recover(entries).whenComplete((done, failure) -> {
            if (failure != null) {
                live.remove(row.id(), actor);
                leases.release(row.id());
                log.info("tournament {} not resumed here yet: {}", row.id(), failure.toString());
            }
        });
    }

    /**
     * On a game node, every {@link TournamentLeases#renewEvery()}: renews this node's tournament leases and lets go of
     * those another node claimed, learns the templates other nodes defined, and takes over the tournaments no node
     * runs (a dead node's, once their leases ran out). Blocking: on the worker.
     */
    public void keepLeases() {
        if (stopping) {
            return;
        }
        long started = System.nanoTime();
        try {
            for (long lost : leases.renew()) {
                if (live.remove(lost) != null) {
                    log.warn("tournament {} was claimed by another game node: this node stops running it", lost);
                }
            }
            records.templates().forEach(template -> templates.put(template.id(), template));
            leases.tickGotThrough(started);
            for (StoredTournament row : records.notOver()) {
                if (!live.containsKey(row.id())) {
                    adopt(row);
                }
            }
            templates.values().stream().filter(TournamentTemplate::active).forEach(this::ensureRegistering);
        } catch (RuntimeException databaseAway) {
            // The next tick that gets through leaves the other nodes' sit-and-gos alone for a lease (ClaimRestraint).
            leases.tickFailed();
            throw databaseAway;
        }
    }

    /** The node stops: the leases of the tournaments it ran are given up, so other nodes take them over at once. */
    public void letGo() {
        stopping = true; // a tick after this would claim them again
        leases.releaseAll();
    }

    private TournamentActor actorOf(StoredTournament row, List<StoredEntry> entries) {
        TournamentTemplate template = template(row.templateId());
        TournamentStatus status = TournamentStatus.valueOf(row.status());
        SitAndGo sitAndGo = status == TournamentStatus.REGISTERING ? SitAndGo.open(row.id(), template.rules())
                : restore(row, template, entries);
        return new TournamentActor(sitAndGo, template.id(), row, records, services, tables, this::changed,
                () -> leases.fenceOf(row.id()));
    }

    /** A tournament started or ended: the next one of its template opens, and an ended one leaves the live ones. */
    private void changed(TournamentActor actor) {
        if (actor.over()) {
            live.remove(actor.id());
            leases.release(actor.id());
        }
        TournamentTemplate template = templates.get(actor.templateId());
        if (template != null) {
            CompletableFuture.runAsync(() -> ensureRegistering(template), services.worker())
                    .exceptionally(failure -> {
                        log.error("could not open the next tournament of template {}", template.id(), failure);
                        return null;
                    });
        }
    }

    private TournamentView storedView(StoredTournament row, List<StoredEntry> entries) {
        TournamentTemplate template = template(row.templateId());
        SitAndGo sitAndGo = restore(row, template, entries);
        Map<Long, String> names = new LinkedHashMap<>();
        entries.forEach(entry -> names.put(entry.playerId(), entry.playerName()));
        Map<Long, Long> chips = new LinkedHashMap<>();
        entries.forEach(entry -> {
            if (entry.chips() != null) {
                chips.put(entry.playerId(), entry.chips());
            }
        });
        return TournamentView.of(sitAndGo, template.id(), row, names, chips, null, services.clock().instant());
    }

    /** The stored tournament's registered entries and decided placings, as its life cycle. */
    private static SitAndGo restore(StoredTournament row, TournamentTemplate template,
                                    List<StoredEntry> entries) {
        Map<Long, Long> registered = new LinkedHashMap<>();
        Map<Integer, List<StoredEntry>> byPlace = new java.util.TreeMap<>(Comparator.reverseOrder());
        for (StoredEntry entry : entries) {
            if ("REGISTERED".equals(entry.state())) {
                registered.put(entry.playerId(), entry.id());
                if (entry.place() != null) {
                    byPlace.computeIfAbsent(entry.place(), p -> new ArrayList<>()).add(entry);
                }
            }
        }
        List<Placing> placings = byPlace.entrySet().stream().map(e -> new Placing(e.getKey(), e.getValue().stream()
                .sorted(Comparator.comparingInt(StoredEntry::tieOrder))
                .map(StoredEntry::playerId).toList())).toList();
        return SitAndGo.restore(row.id(), template.rules(), TournamentStatus.valueOf(row.status()), registered, placings);
    }
}
