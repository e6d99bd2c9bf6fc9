package io.chipledger.ledger.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Stops an embedded PostgreSQL left running on a data directory by a server JVM that died without shutting it down
 * (kill -9, OOM killer). The postmaster is a separate process whose pid is in {@code postmaster.pid}; zonky's
 * {@code epg-lock} file lock tells whether a live JVM still owns it, in which case we refuse rather than stop it.
 */
final class OrphanedPostmasterReaper {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostmasterReaper.class);
    private static final String LOCK_FILE = "epg-lock";

    private final Duration patience;

    OrphanedPostmasterReaper(Duration patience) {
        this.patience = patience;
    }

    /** @return the pid that was stopped, if there was an orphan */
    Optional<Long> stopOrphan(Path pgDataDir) throws IOException {
        Optional<ProcessHandle> postmaster = runningPostmaster(pgDataDir);
        if (postmaster.isEmpty()) {
            return Optional.empty();
        }
        ensureNoLiveOwner(pgDataDir);
        ProcessHandle process = postmaster.get();
        LOG.warn("embedded PostgreSQL pid {} is still running on {} (its server died); stopping it", process.pid(), pgDataDir);
        // SIGINT is PostgreSQL's fast shutdown: open sessions are ended, the data is checkpointed cleanly.
        signal(process.pid(), "INT");
        if (!awaitExit(process, patience)) {
            LOG.warn("pid {} ignored fast shutdown; killing it (startup will run crash recovery)", process.pid());
            process.destroyForcibly();
            awaitExit(process, patience);
        }
        if (process.isAlive()) {
            throw new IllegalStateException("could not stop the orphaned PostgreSQL pid " + process.pid() + " on " + pgDataDir);
        }
        return Optional.of(process.pid());
    }

    /** The live process named in {@code postmaster.pid}, if it is a postgres process. */
    static Optional<ProcessHandle> runningPostmaster(Path pgDataDir) throws IOException {
        Path pidFile = pgDataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException notAPid) {
            return Optional.empty();
        }
        // A recycled pid that now belongs to some other program is not ours to stop.
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
    }

    private static void ensureNoLiveOwner(Path pgDataDir) throws IOException {
        Path lockFile = pgDataDir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
             FileChannel channel = file.getChannel()) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("the database in " + pgDataDir
                        + " is in use by another running poker server; stop it first or choose another --data-dir");
            }
            lock.release();
        }
    }

    private static void signal(long pid, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling pid " + pid, e);
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration patience) {
        try {
            process.onExit().get(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        }
    }
}
