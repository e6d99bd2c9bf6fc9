package io.chipledger.server.bot;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes down every pause and resumption a table announced to its bots, one tab-separated line each ({@code time,
 * table, paused|resumed, reason, event|notice}), time as the bots' clock's ISO-8601 instant: a harness reads when
 * players were told that play stopped and started again (docs/cluster/game-nodes.sh, the database's faults). The last
 * column says how: the table's numbered event, or an unnumbered {@code tableNotice} sent ahead of it (a table waiting
 * for a stuck commit cannot publish its numbered events yet). One bot a table writes, so each is written once. A line
 * is flushed as it is written.
 */
public final class NoticeLog implements AutoCloseable {

    private final LineLog out;

    public NoticeLog(Path file) throws IOException {
        this.out = new LineLog(file);
    }

    /** The table announced a pause ({@code TablePaused}) with this reason; {@code numbered}: as a table event. */
    public void paused(long tableId, String reason, boolean numbered) {
        write(tableId, "paused", reason, numbered);
    }

    /** The table announced that play resumes ({@code TableResumed}); {@code numbered}: as a table event. */
    public void resumed(long tableId, boolean numbered) {
        write(tableId, "resumed", "", numbered);
    }

    private void write(long tableId, String what, String reason, boolean numbered) {
        String oneLine = reason == null ? "" : reason.replace('\t', ' ').replace('\n', ' ');
        out.write(Instant.now().toString(), Long.toString(tableId), what, oneLine, numbered ? "event" : "notice");
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
