package io.chipledger.server.bot;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes down every pause and resumption a table announced to its bots, one tab-separated line each ({@code time,
 * table, paused|resumed, reason}), time as the bots' clock's ISO-8601 instant: a harness reads when players were told
 * that play stopped and started again (docs/cluster/game-nodes.sh, the database's faults). One bot a table writes, so
 * a notice is written once. A line is flushed as it is written.
 */
public final class NoticeLog implements AutoCloseable {

    private final BufferedWriter out;
    private boolean closed;

    public NoticeLog(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /** The table announced a pause ({@code TablePaused}) with this reason. */
    public void paused(long tableId, String reason) {
        write(tableId, "paused", reason);
    }

    /** The table announced that play resumes ({@code TableResumed}). */
    public void resumed(long tableId) {
        write(tableId, "resumed", "");
    }

    private synchronized void write(long tableId, String what, String reason) {
        if (closed) {
            return;
        }
        String oneLine = reason == null ? "" : reason.replace('\t', ' ').replace('\n', ' ');
        try {
            out.write(Instant.now().toString() + '\t' + tableId + '\t' + what + '\t' + oneLine + '\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        out.close();
    }
}
