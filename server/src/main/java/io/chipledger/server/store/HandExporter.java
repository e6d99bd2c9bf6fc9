package io.chipledger.server.store;

import io.chipledger.server.history.export.HandHistoryWriter;
import io.chipledger.server.history.export.Viewer;
import io.chipledger.server.history.record.HandHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Reads stored histories and writes them in a format, as a viewer may see them. {@link #stream} reads through a
 * database cursor a page at a time and writes each hand as it is read: constant memory for any number of hands.
 * Blocking: call it on a worker thread or from the command line.
 */
public final class HandExporter {

    private final SqlSessionFactory database;

    public HandExporter(SqlSessionFactory database) {
        this.database = database;
    }

    /** Hands written, and hands the format could not hold (voided hands in PokerStars or PHH text). */
    public record Exported(long written, long skipped) {
    }

    public long count(HandHistoryMapper.HandQuery query) {
        try (SqlSession session = database.openSession(true)) {
            return session.getMapper(HandHistoryMapper.class).countHistories(query);
        }
    }

    /** Every selected hand, in time order; {@code progress} hears the number of hands read so far after each one. */
    public Exported stream(HandHistoryMapper.HandQuery query, Viewer viewer, HandHistoryWriter writer, LongConsumer progress)
            throws IOException {
        long written = 0;
        long skipped = 0;
        // Without auto-commit the driver reads the cursor in pages of the statement's fetch size.
        try (SqlSession session = database.openSession(false);
             Cursor<HandHistoryMapper.StoredHistory> rows = session.getMapper(HandHistoryMapper.class).streamHistories(query)) {
            for (HandHistoryMapper.StoredHistory row : rows) {
                if (writer.write(viewer.view(row.history()))) {
                    written++;
                } else {
                    skipped++;
                }
                progress.accept(written + skipped);
            }
        }
        writer.finish();
        return new Exported(written, skipped);
    }

    /** At most {@code query.limit()} selected hands, as the viewer may see them. */
    public List<HandHistory> page(HandHistoryMapper.HandQuery query, Viewer viewer) {
        try (SqlSession session = database.openSession(true)) {
            return session.getMapper(HandHistoryMapper.class).findHistories(query).stream()
                    .map(row -> viewer.view(row.history())).toList();
        }
    }

    /** At most {@code query.limit()} selected hands started before hand {@code before} (null: any), newest first. */
    public List<HandHistory> newestFirst(HandHistoryMapper.HandQuery query, Long before, Viewer viewer) {
        try (SqlSession session = database.openSession(true)) {
            return session.getMapper(HandHistoryMapper.class).findHistoriesNewestFirst(query, before).stream()
                    .map(row -> viewer.view(row.history())).toList();
        }
    }

    /** One hand, if stored. */
    public Optional<HandHistory> find(long handId) {
        try (SqlSession session = database.openSession(true)) {
            return java.util.Optional.ofNullable(session.getMapper(HandHistoryMapper.class).findHistory(handId))
                    .map(HandHistoryMapper.StoredHistory::history);
        }
    }

    /** Writes hands already read (a page) into the writer. */
    public static Exported write(List<HandHistory> hands, HandHistoryWriter writer) {
        long written = 0;
        try {
            for (HandHistory hand : hands) {
                written += writer.write(hand) ? 1 : 0;
            }
            writer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Exported(written, hands.size() - written);
    }
}
