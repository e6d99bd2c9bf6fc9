package io.chipledger.server.bot;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file the bots write down what they were told in, one line at a time, each flushed as it is written: what was
 * written before a crash of the bots' JVM is on disk for the harness. A line after the close is dropped (a late event
 * after the run ended: the harness has stopped reading).
 */
final class LineLog implements AutoCloseable {

    private final BufferedWriter out;
    private boolean closed;

    LineLog(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /** Writes {@code fields} tab-separated as one line. */
    synchronized void write(String... fields) {
        if (closed) {
            return;
        }
        try {
            out.write(String.join("\t", fields) + '\n');
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
