package io.chipledger.server.play;

import io.chipledger.server.cli.PokerServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code poker-server serve} in a JVM of its own, as an operator runs it, so a test can kill it the hard way
 * (SIGKILL: no shutdown hook, no clean stop) and see what a restart makes of the database it left behind.
 */
public final class ServerProcess {

    private static final Pattern READY = Pattern.compile("ready: http://localhost:(\\d+)/");

    private final Process process;
    private final int port;
    private final List<String> output;

    private ServerProcess(Process process, int port, List<String> output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** Starts {@code serve} on the given database and waits until it listens (on {@code --port} when given, else any). */
    public static ServerProcess serve(String dbUrl, String... moreArgs) throws IOException, InterruptedException {
        return start(List.of("--db-url", dbUrl, "--db-user", "postgres"), moreArgs);
    }

    /** Starts {@code serve} on its own embedded PostgreSQL in {@code dataDir}, as the README's first command does. */
    static ServerProcess serveEmbedded(Path dataDir, String... moreArgs) throws IOException, InterruptedException {
        return start(List.of("--data-dir", dataDir.toString()), moreArgs);
    }

    /** Starts {@code serve} on the given database under a command that sets its limits (e.g. {@code prlimit --nofile=N}). */
    static ServerProcess serveUnder(List<String> prefix, String dbUrl, String... moreArgs) throws IOException, InterruptedException {
        return start(prefix, List.of("--db-url", dbUrl, "--db-user", "postgres"), moreArgs);
    }

    private static ServerProcess start(List<String> databaseArgs, String... moreArgs) throws IOException, InterruptedException {
        return start(List.of(), databaseArgs, moreArgs);
    }

    private static ServerProcess start(List<String> prefix, List<String> databaseArgs, String... moreArgs)
            throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(java, "-Xmx512m", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", classpath, PokerServer.class.getName(), "serve"));
        command.addAll(databaseArgs);
        command.addAll(List.of("--host", "127.0.0.1"));
        if (!List.of(moreArgs).contains("--port")) {
            command.addAll(List.of("--port", "0"));
        }
        command.addAll(List.of(moreArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    Matcher matcher = READY.matcher(line);
                    if (matcher.find()) {
                        ready.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the process died; the exit below tells
            }
            ready.completeExceptionally(new IllegalStateException("serve exited before it was ready:\n" + String.join("\n", output)));
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new ServerProcess(process, ready.get(120, TimeUnit.SECONDS), output);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("serve did not become ready: " + String.join("\n", output), e);
        }
    }

    public int port() {
        return port;
    }

    public String ws() {
        return "ws://127.0.0.1:" + port + "/ws";
    }

    public String http() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** SIGTERM, as an operator's stop does; returns the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("serve did not stop within 90 s of SIGTERM:\n" + output());
        }
        return process.exitValue();
    }

    public String output() {
        return String.join("\n", output);
    }
}
