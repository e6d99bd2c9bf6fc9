package io.chipledger.server.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * Where a command runs: its output and error streams, its environment, its standard input and the console (null when
 * there is none, as under a pipe or systemd). Tests give a command their own, so nothing reads the real process's.
 */
public record Terminal(PrintStream out, PrintStream err, Map<String, String> env, InputStream in, Console console) {

    public Terminal {
        env = Map.copyOf(env);
    }

    /** The process's own. */
    public static Terminal system() {
        return new Terminal(System.out, System.err, System.getenv(), System.in, System.console());
    }

    /** Streams and an environment of a test's choosing, no standard input and no console. */
    public static Terminal of(PrintStream out, PrintStream err, Map<String, String> env) {
        return new Terminal(out, err, env, InputStream.nullInputStream(), null);
    }

    /** Whether a person is watching (progress bars redraw in place only then). */
    public boolean interactive() {
        return console != null;
    }
}
