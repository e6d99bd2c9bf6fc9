package io.chipledger.server.table;

import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.protocol.TableView;
import io.chipledger.server.account.Player;
import io.chipledger.server.metrics.Metrics;
import io.chipledger.server.net.BroadcastWrites;
import io.chipledger.server.net.ClientConnection;
import io.chipledger.server.net.EncodedMessage;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Who watches a table and what they were told: every event gets the table's next sequence number, goes into a
 * bounded log for connections that come back, and reaches each watcher in the form meant for them (their own hole
 * cards and options, nobody else's). Used only inside the table's mailbox, but for {@link #noticeNow}.
 */
final class TableAudience {

    private static final int EVENT_BUFFER = 1_000;

    private final long tableId;
    private final ToIntFunction<Player> seatOf;
    private final EventLog events;
    private final Map<ClientConnection, Player> watchers = new LinkedHashMap<>();
    /** The same connections, for a notice sent from outside the mailbox ({@link #noticeNow}); kept with {@code watchers}. */
    private final Set<ClientConnection> reachable = ConcurrentHashMap.newKeySet();
    private final Metrics.Histogram encodeTime;
    /** The player action whose events are being published, timed to the last frame written; or none. */
    private BroadcastWrites broadcast = BroadcastWrites.NONE;

    /** @param seatOf the seat a player sits in now, or -1: whose hole cards and options a snapshot shows them */
    TableAudience(long tableId, ToIntFunction<Player> seatOf, Metrics.Histogram encodeTime) {
        this(tableId, seatOf, encodeTime, 0);
    }

    /** @param firstSeq the sequence number the first event follows (above an earlier owner's, on a game node) */
    TableAudience(long tableId, ToIntFunction<Player> seatOf, Metrics.Histogram encodeTime, long firstSeq) {
        this.tableId = tableId;
        this.seatOf = seatOf;
        this.encodeTime = encodeTime;
        this.events = new EventLog(EVENT_BUFFER, firstSeq);
    }

    /** The events published from now on are frames of {@code writes}, until {@link #broadcastSealed()}. */
    void broadcastStarted(BroadcastWrites writes) {
        broadcast = writes;
    }

    void broadcastSealed() {
        BroadcastWrites sealed = broadcast;
        broadcast = BroadcastWrites.NONE;
        sealed.sealed();
    }

    /** The table is served elsewhere now: every watcher is told where ({@code url}, or null: look it up) and dropped. */
    void movedAway(String url) {
        ServerMessage moved = new ServerMessage.TableMoved(tableId, url);
        watchers.keySet().forEach(connection -> connection.send(moved));
        watchers.clear();
        reachable.clear();
    }

    /**
     * Tells every watcher {@code event} now, from any thread, ahead of the table's numbered events (an unnumbered
     * {@link ServerMessage.TableNotice}): for news that cannot wait for the mailbox, which may itself be waiting on the
     * database. The sequence is untouched, so a {@code watch} from a last seq replays exactly as before.
     */
    void noticeNow(TableEvent event) {
        ServerMessage notice = new ServerMessage.TableNotice(tableId, event);
        reachable.forEach(connection -> connection.send(notice));
    }

    void publish(TableEvent event) {
        publish(event, EventLog.NOBODY, null);
    }

    /** Publishes {@code forAll}, except that player {@code privatePlayer} gets {@code forPlayer}. */
    void publish(TableEvent forAll, long privatePlayer, TableEvent forPlayer) {
        EventLog.Entry entry = events.append(forAll, privatePlayer, forPlayer);
        // At most two forms of the event: each is written to JSON once, however many watchers it goes to.
        Map<TableEvent, EncodedMessage> encoded = new IdentityHashMap<>(4);
        watchers.forEach((connection, player) -> connection.send(encoded.computeIfAbsent(
                entry.viewFor(idOf(player)), view -> encode(entry.seq(), view)), broadcast));
    }

    private EncodedMessage encode(long seq, TableEvent view) {
        long started = System.nanoTime();
        EncodedMessage message = EncodedMessage.of(new ServerMessage.Event(tableId, seq, view));
        encodeTime.recordNanos(System.nanoTime() - started);
        return message;
    }

    private static long idOf(Player player) {
        return player == null ? EventLog.NOBODY : player.id();
    }

    /**
     * Catches the connection up (the events after its {@code lastSeq}, or a snapshot when those are no longer kept or
     * it remembers nothing, followed by up to {@code recent} of the latest events for its log and chat), and only then
     * subscribes it, so it receives every event exactly once and in order.
     */
    void watch(ClientConnection connection, Player player, Long lastSeq, int recent, IntFunction<TableView> snapshotFor) {
        Optional<List<EventLog.Entry>> missed = lastSeq == null ? Optional.empty() : events.after(lastSeq);
        long viewer = idOf(player);
        if (missed.isPresent()) {
            missed.get().forEach(e -> connection.send(new ServerMessage.Event(tableId, e.seq(), e.viewFor(viewer))));
        } else {
            // A snapshot is of the table now: the viewer's own seat's cards are theirs.
            connection.send(new ServerMessage.Snapshot(tableId, events.lastSeq(), snapshotFor.apply(seatOf.applyAsInt(player))));
            if (recent > 0) {
                // As a watcher who was there would have seen them: another player's hole cards never.
                connection.send(new ServerMessage.RecentEvents(tableId, events.latest(Math.min(recent,
                        ServerMessage.RecentEvents.MOST)).stream()
                        .map(e -> new ServerMessage.Event(tableId, e.seq(), e.viewFor(viewer))).toList()));
            }
        }
        watchers.put(connection, player);
        reachable.add(connection);
    }

    /** Subscribes a connection that already knows the table (it just sat down there). */
    void add(ClientConnection connection, Player player) {
        watchers.put(connection, player);
        reachable.add(connection);
    }

    /** Unsubscribes; returns the player it belonged to, or null when it was not watching. */
    Player remove(ClientConnection connection) {
        reachable.remove(connection);
        return watchers.remove(connection);
    }

    /** Whether any connection of this player still watches. */
    boolean isWatching(Player player) {
        return watchers.values().stream().anyMatch(p -> p != null && p.id() == player.id());
    }

    int size() {
        return watchers.size();
    }
}
