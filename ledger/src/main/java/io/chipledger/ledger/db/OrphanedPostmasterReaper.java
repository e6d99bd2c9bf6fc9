package io.chipledger.ledger.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Stops an embedded PostgreSQL left running on a data directory by a server JVM that died without shutting it down
 * (kill -9, OOM killer). The postmaster is a separate process whose pid is in {@code postmaster.pid}; zonky's
 * {@code epg-lock} file lock tells whether a live JVM still owns it, in which case we refuse rather than stop it.
 */
final class OrphanedPostmasterReaper {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostmasterReaper.class);

    private final Duration patience;

    OrphanedPostmasterReaper(Duration patience) {
        this.patience = patience;
    }

    /** @return the pid that was stopped, if there was an orphan */
    Optional<Long> stopOrphan(Path pgDataDir) throws IOException {
        Optional<ProcessHandle> postmaster = RunningPostmaster.process(pgDataDir);
        if (postmaster.isEmpty()) {
            return Optional.empty();
        }
        ProcessHandle process = postmaster.get();
        if (RunningPostmaster.ownedByLiveServer(pgDataDir)) {
            throw new DataDirectoryInUseException(pgDataDir, process.pid());
        }
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
