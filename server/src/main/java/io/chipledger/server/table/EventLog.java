package io.chipledger.server.table;

import io.chipledger.protocol.TableEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A table's numbered events, the newest kept in a bounded buffer so a reconnecting client can be sent what it missed.
 * An event may have a private form for one player (their hole cards, their legal actions) and a public form for
 * everyone else. The private form is addressed to the player, not to their seat: whoever sits there later, and
 * replays the log, sees the public form.
 */
final class EventLog {

    /** One event as each audience sees it. {@code privatePlayer} is {@link #NOBODY} when everyone sees {@code forAll}. */
    record Entry(long seq, TableEvent forAll, long privatePlayer, TableEvent forPlayer) {
        TableEvent viewFor(long viewerPlayer) {
            return privatePlayer != NOBODY && viewerPlayer == privatePlayer ? forPlayer : forAll;
        }
    }

    /** No player: an event everyone sees alike, or a viewer who is not logged in. */
    static final long NOBODY = -1;

    private final int capacity;
    private final Deque<Entry> recent = new ArrayDeque<>();
    private long lastSeq;

    EventLog(int capacity) {
        this(capacity, 0);
    }

    /** A log whose first event is numbered {@code afterSeq + 1}. */
    EventLog(int capacity, long afterSeq) {
        this.capacity = capacity;
        this.lastSeq = afterSeq;
    }

    Entry append(TableEvent forAll, long privatePlayer, TableEvent forPlayer) {
        Entry entry = new Entry(++lastSeq, forAll, privatePlayer, forPlayer);
        recent.addLast(entry);
        if (recent.size() > capacity) {
            recent.removeFirst();
        }
        return entry;
    }

    long lastSeq() {
        return lastSeq;
    }

    /** The newest {@code count} events kept (fewer when fewer are), oldest first. */
    List<Entry> latest(int count) {
        List<Entry> latest = new ArrayList<>(Math.min(count, recent.size()));
        int skip = Math.max(0, recent.size() - count);
        for (Entry entry : recent) {
            if (skip-- <= 0) {
                latest.add(entry);
            }
        }
        return latest;
    }

    /** The events after {@code seq}, or empty when some of them are no longer kept (the client needs a snapshot). */
    Optional<List<Entry>> after(long seq) {
        if (seq > lastSeq || seq < 0) {
            return Optional.empty();
        }
        if (seq == lastSeq) {
            return Optional.of(List.of());
        }
        Entry oldest = recent.peekFirst();
        if (oldest == null || oldest.seq() > seq + 1) {
            return Optional.empty();
        }
        List<Entry> missed = new ArrayList<>();
        for (Entry entry : recent) {
            if (entry.seq() > seq) {
                missed.add(entry);
            }
        }
        return Optional.of(missed);
    }
}
