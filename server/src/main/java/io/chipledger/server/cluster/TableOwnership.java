package io.chipledger.server.cluster;

import io.chipledger.ledger.Fence;
import io.chipledger.ledger.lease.ClaimRestraint;
import io.chipledger.ledger.lease.Lease;
import io.chipledger.ledger.lease.Leases;
import io.chipledger.server.table.TableActor;
import io.chipledger.server.table.TableConfig;
import io.chipledger.server.table.TableDirectory;
import io.chipledger.server.table.TableFence;
import io.chipledger.server.table.TableHeldElsewhere;
import io.chipledger.server.table.TableRecords;
import io.chipledger.server.table.TableTakeover;
import io.chipledger.server.table.TournamentPlay;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which tables this game node serves: each under a lease in the ledger's database ({@code table:<id>}), claimed with a
 * fresh epoch, renewed every quarter of its time to live, and lost at once when a renewal comes back without it or a
 * write is refused as FENCED. Each tick it also claims tables no node serves (new ones, or a dead node's once their
 * leases ran out) up to its share (the open tables divided among the running nodes), and hands one table over between
 * hands while it holds more than its share, so nodes that start later get tables too. A sit-and-go's table is claimed
 * under its lease by the node running its tournament, and stays there until the tournament ends: it is neither handed
 * over nor counted in the share. All on one thread of its own.
 */
public final class TableOwnership implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TableOwnership.class);

    private final Leases leases;
    private final NodeIdentity node;
    private final NodeRegistry registry;
    private final TableDirectory tables;
    private final TableTakeover takeover;
    private final Duration ttl;
    private final Duration drainBound;
    private final Map<Long, Held> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "table-leases");
        thread.setDaemon(true);
        return thread;
    });
    private final ClaimRestraint restraint;
    /** When the tick running now began (start-up's claims count as one); touched on the tick thread. */
    private long tickStarted = System.nanoTime();
    private volatile boolean draining;
    /** The table being handed over (it deals no new hand), until its hand in play ends; touched on the tick thread. */
    private Held handingOver;

    /** A table this node serves, under this fence; {@code tournament}: a sit-and-go's, kept by its tournament's node. */
    private record Held(TableFence fence, TableActor actor, boolean tournament) {
    }

    public TableOwnership(Leases leases, NodeIdentity node, NodeRegistry registry, TableDirectory tables,
                          TableTakeover takeover, Duration ttl, Duration drainBound) {
        this.drainBound = drainBound;
        this.leases = leases;
        this.node = node;
        this.registry = registry;
        this.tables = tables;
        this.takeover = takeover;
        this.ttl = ttl;
        this.restraint = new ClaimRestraint("table leases", ttl);
    }

    /** Claims this node's share of the tables now (blocking), then keeps its leases on a timer. */
    public void start() {
        tables.openWith(this::openNew);
        tables.openTournamentTablesWith(new TableDirectory.TournamentOpener() {
            @Override
            public TableActor open(TableConfig config, TournamentPlay play) {
                return openTournamentTable(config, play);
            }

            @Override
            public void ended(TableActor actor) {
                ticks.execute(() -> releaseTournamentTable(actor));
            }
        });
        claimFree();
        long period = Math.max(100, ttl.toMillis() / 4);
        ticks.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    /** How long a drain of this node waits for the hands in play to end. */
    public Duration drainBound() {
        return drainBound;
    }

    /** The tables this node holds leases on now. */
    public Set<Long> owned() {
        return Set.copyOf(held.keySet());
    }

    private void tick() {
        tickStarted = System.nanoTime();
        try {
            renew();
            if (!draining) {
                claimFree();
                handOverSurplus();
            }
        } catch (RuntimeException failed) {
            // The database away: leases are kept (or lost) at the next tick that reaches it, which then leaves the
            // other nodes' leases alone for a lease time (ClaimRestraint).
            restraint.failed();
            log.warn("table leases not kept this time: {}", failed.toString());
        }
    }

    private void renew() {
        Map<Fence, Held> byFence = new HashMap<>();
        held.values().forEach(h -> byFence.put(h.fence().fence(), h));
        if (byFence.isEmpty()) {
            return; // nothing to renew; claimFree tells whether the database is reached
        }
        Set<Fence> kept = leases.renew(node.name(), byFence.keySet(), ttl); // got through: claimFree tells the restraint
        byFence.forEach((fence, h) -> {
            if (!kept.contains(fence)) {
                log.warn("table lease {} was claimed by another node: this node stops serving the table", fence);
                lose(h);
            }
        });
    }

    /**
     * Claims the open tables no node serves, up to this node's share; and, whatever its share, a table nobody has
     * claimed for half a lease since its lease ran out (its node died, and the others are at their share too, or have
     * not yet heard it went silent): a table without a node is worse than an uneven spread. For a lease time after
     * this node's renewals were held up, no table whose lease another node held is claimed ({@link ClaimRestraint}).
     */
    private void claimFree() {
        List<TableRecords.StoredTable> open = tables.records().notClosed();
        int share = share(open.size());
        Map<String, Lease> byName = leases.all().stream().collect(Collectors.toMap(Lease::name, l -> l));
        restraint.gotThrough(tickStarted);
        Instant orphanedBefore = Instant.now().minus(ttl.dividedBy(2));
        boolean othersToo = restraint.mayClaimOthers();
        for (TableRecords.StoredTable stored : open) {
            long id = stored.config().id();
            Lease lease = byName.get(TableFence.leaseName(id));
            boolean another = lease != null && !lease.holder().equals(node.name());
            boolean takeable = (lease == null || lease.free() || lease.holder().equals(node.name()))
                    && (othersToo || !another);
            boolean orphaned = lease != null && lease.free() && lease.expiresAt().isBefore(orphanedBefore);
            if (!held.containsKey(id) && takeable && (cashTablesHeld().size() < share || orphaned)) {
                claimAndTake(stored);
            }
        }
    }

    /** The open tables divided among the running nodes, rounded up; this node counts itself. */
    private int share(int openTables) {
        long running = registry.all().stream()
                .filter(n -> n.state() == NodeState.RUNNING && !n.name().equals(node.name())).count() + 1;
        return (int) ((openTables + running - 1) / running);
    }

    /**
     * While this node holds more than its share and another node has room to claim a table, hands one over between
     * hands, so a newer node gets it.
     */
    private void handOverSurplus() {
        int share = share(tables.records().notClosed().size());
        List<Held> cash = cashTablesHeld();
        if (handingOver == null && cash.size() > share && anotherNodeHasRoom(share)) {
            handingOver = cash.get(0);
        }
        if (handingOver != null && (!held.containsValue(handingOver) || handOver(handingOver))) {
            handingOver = null;
        }
    }

    /**
     * Another running node holds fewer tables than its share and heartbeat no more than a beat and a half before this
     * one did (both told by the database's clock; a node late because it is loaded only waits for its tables longer). A node killed a moment ago still counts as running until it goes silent: a table handed over
     * to it was claimed by nobody and came back here half a lease later, a break in its play for nothing.
     */
    private boolean anotherNodeHasRoom(int share) {
        List<GameNode> nodes = registry.all();
        Instant mine = nodes.stream().filter(n -> n.name().equals(node.name())).map(GameNode::lastHeartbeat)
                .findFirst().orElse(null);
        if (mine == null) {
            return false;
        }
        Instant alive = mine.minus(NodeRegistry.HEARTBEAT.multipliedBy(3).dividedBy(2));
        return nodes.stream().anyMatch(n -> !n.name().equals(node.name()) && n.state() == NodeState.RUNNING
                && n.tablesOwned() < share && !n.lastHeartbeat().isBefore(alive));
    }

    /**
     * Claims the table's lease and serves the table, unless this node serves it already. A table just opened here is
     * stored before its lease is claimed, so the tick may reach it at the same moment as {@link #openNew}: one at a
     * time, and the second finds the table held instead of its claim refused (a node starting with {@code --tables}
     * failed so: "could not claim the lease of the new table 1").
     */
    private synchronized boolean claimAndTake(TableRecords.StoredTable stored) {
        long id = stored.config().id();
        if (held.containsKey(id)) {
            return true;
        }
        Fence fence = leases.claim(TableFence.leaseName(id), node.name(), ttl).orElse(null);
        if (fence == null) {
            return false;
        }
        TableFence tableFence = new TableFence(fence, () -> ticks.execute(() -> lostByWrite(id, fence)));
        try {
            TableTakeover.Taken taken = takeover.take(tableFence, stored);
            held.put(id, new Held(tableFence, taken.actor(), false));
            tables.adopt(taken.actor());
            log.info("took table {} under {}: {} hand(s) left open ended, {} seat(s) given back", id, fence,
                    taken.handsEnded(), taken.seats().restored());
            return true;
        } catch (RuntimeException failed) {
            log.error("could not take table {} under {}; its lease runs out and another node may try", id, fence, failed);
            return false;
        }
    }

    /** A table created on this node: its lease is claimed at once, so it runs here. */
    private TableActor openNew(TableRecords.StoredTable stored) {
        if (!claimAndTake(stored)) {
            throw new IllegalStateException("could not claim the lease of the new table " + stored.config().id());
        }
        return held.get(stored.config().id()).actor();
    }

    /** The cash tables this node serves: those a share counts and a hand-over may move. */
    private List<Held> cashTablesHeld() {
        return held.values().stream().filter(h -> !h.tournament()).toList();
    }

    /**
     * A sit-and-go's table, opened by its tournament on this node: its lease is claimed (refused while another node
     * holds it, and so runs that tournament), a hand a crash left open there is voided, and the table is renewed with
     * the others until its tournament ends. Blocking.
     */
    private TableActor openTournamentTable(TableConfig config, TournamentPlay play) {
        long id = config.id();
        Fence fence = leases.claim(TableFence.leaseName(id), node.name(), ttl).orElseThrow(() -> new TableHeldElsewhere(id));
        TableFence tableFence = new TableFence(fence, () -> ticks.execute(() -> lostByWrite(id, fence)));
        TableActor actor = takeover.takeTournament(tableFence, config, play);
        held.put(id, new Held(tableFence, actor, true));
        log.info("serving the sit-and-go table {} under {}", id, fence);
        return actor;
    }

    /** The tournament at this table ended: its lease is given up. */
    private void releaseTournamentTable(TableActor actor) {
        Held h = held.get(actor.config().id());
        if (h != null && h.actor() == actor && held.remove(actor.config().id(), h)) {
            try {
                leases.release(node.name(), h.fence().fence());
            } catch (RuntimeException databaseAway) {
                log.warn("lease {} not released; it runs out by itself: {}", h.fence().fence(), databaseAway.toString());
            }
        }
    }

    private void lostByWrite(long tableId, Fence fence) {
        Held h = held.get(tableId);
        if (h != null && h.fence().fence().equals(fence)) {
            log.warn("a write of table {} was refused as FENCED: another node serves it now", tableId);
            lose(h);
        }
    }

    private void lose(Held h) {
        if (held.remove(h.actor().config().id(), h)) {
            tables.forget(h.actor());
            h.actor().moved(null);
        }
    }

    /** Between hands, stops serving the table and frees its lease at once, for another node to claim. */
    private boolean handOver(Held h) {
        if (!h.actor().handOverBetweenHands().join()) {
            return false; // a hand still plays: asked again at the next tick
        }
        held.remove(h.actor().config().id(), h);
        tables.forget(h.actor());
        leases.release(node.name(), h.fence().fence());
        log.info("handed table {} over (lease {} released)", h.actor().config().id(), h.fence().fence());
        return true;
    }

    /**
     * Drains the node: claims nothing more, deals no new hand at its tables, and hands each over as soon as its hand in
     * play ends (other nodes claim them within a quarter of a lease). Completes with the number of tables still held
     * when every cash table was handed over (0) or {@code bound} passed (their hands are voided by the caller, as
     * today). Sit-and-go tables are not handed over: their tournaments run on this node, and stop with it.
     */
    public CompletableFuture<Integer> drain(Duration bound) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        long deadline = System.nanoTime() + bound.toNanos();
        draining = true;
        registry.state(NodeState.DRAINING);
        log.warn("draining: {} table(s) to hand over within {} s", held.size(), bound.toSeconds());
        ScheduledFuture<?>[] step = new ScheduledFuture<?>[1];
        step[0] = ticks.scheduleWithFixedDelay(() -> {
            for (Held h : cashTablesHeld()) {
                try {
                    handOver(h);
                } catch (RuntimeException failed) {
                    log.warn("table {} not handed over yet: {}", h.actor().config().id(), failed.toString());
                }
            }
            if (cashTablesHeld().isEmpty() || System.nanoTime() > deadline) {
                int left = cashTablesHeld().size();
                log.warn("drain over: {} table(s) still here, and {} sit-and-go table(s)", left, held.size() - left);
                done.complete(left);
                step[0].cancel(false);
            }
        }, 0, 200, TimeUnit.MILLISECONDS);
        return done;
    }

    /** Gives up every lease still held (their hands were voided on stopping), so other nodes take them at once. */
    public void releaseAll() {
        for (Held h : List.copyOf(held.values())) {
            try {
                leases.release(node.name(), h.fence().fence());
            } catch (RuntimeException databaseAway) {
                log.warn("lease {} not released; it runs out by itself: {}", h.fence().fence(), databaseAway.toString());
            }
        }
        held.clear();
    }

    @Override
    public void close() {
        ticks.shutdownNow();
    }
}
