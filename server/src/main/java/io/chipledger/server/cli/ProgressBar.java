package io.chipledger.server.cli;

import java.io.PrintStream;
import java.util.function.LongConsumer;

/**
 * Shows how far a long command has come. On a terminal it redraws one line ({@code [#####.....]  50%  5,000/10,000
 * hands}) at each whole percent; elsewhere (a pipe, a log, a test) it prints a plain line at each tenth.
 */
final class ProgressBar implements LongConsumer {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final long total;
    private final boolean terminal;
    private final String unit;
    private long shownStep = -1;

    ProgressBar(PrintStream out, long total, boolean terminal, String unit) {
        this.out = out;
        this.total = total;
        this.terminal = terminal;
        this.unit = unit;
    }

    /** On the terminal when the JVM has a console (not redirected), plain otherwise. */
    static ProgressBar on(PrintStream out, long total, String unit) {
        return new ProgressBar(out, total, System.console() != null, unit);
    }

    @Override
    public void accept(long done) {
        if (total <= 0) {
            return;
        }
        long step = done * (terminal ? 100 : 10) / total;
        if (step == shownStep) {
            return;
        }
        shownStep = step;
        if (terminal) {
            int filled = (int) (done * WIDTH / total);
            out.printf("\r[%s%s] %3d%%  %,d/%,d %s", "#".repeat(filled), ".".repeat(WIDTH - filled), done * 100 / total,
                    done, total, unit);
            if (done >= total) {
                out.println();
            }
        } else {
            out.printf("%,d/%,d %s (%d%%)%n", done, total, unit, done * 100 / total);
        }
        out.flush();
    }
}
