package io.chipledger.ledger.db;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an embedded data directory says about the PostgreSQL running on it: {@code postmaster.pid} names the postmaster
 * (its pid, line 1, and port, line 4), and zonky's {@code epg-lock} file lock is held by the JVM that started it for as
 * long as that JVM lives. A live postmaster whose lock nobody holds is an orphan of a killed server.
 */
final class RunningPostmaster {

    private static final String LOCK_FILE = "epg-lock";

    private RunningPostmaster() {
    }

    /** The live process named in {@code postmaster.pid}, if it is a postgres process. */
    static Optional<ProcessHandle> process(Path pgDataDir) throws IOException {
        List<String> lines = pidFile(pgDataDir);
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

    /** Whether a live JVM (a running server) holds the directory's lock. */
    static boolean ownedByLiveServer(Path pgDataDir) throws IOException {
        Path lockFile = pgDataDir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
             FileChannel channel = file.getChannel()) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException heldByThisJvm) {
            return true;
        }
    }

    /** The port of the PostgreSQL a running server started on this directory, if one did and still runs. */
    static OptionalInt portHeldByLiveServer(Path pgDataDir) {
        try {
            if (process(pgDataDir).isEmpty() || !ownedByLiveServer(pgDataDir)) {
                return OptionalInt.empty();
            }
            List<String> lines = pidFile(pgDataDir);
            return lines.size() > 3 ? OptionalInt.of(Integer.parseInt(lines.get(3).strip())) : OptionalInt.empty();
        } catch (NumberFormatException notAPort) {
            return OptionalInt.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + pgDataDir.resolve("postmaster.pid"), e);
        }
    }

    private static List<String> pidFile(Path pgDataDir) throws IOException {
        Path pidFile = pgDataDir.resolve("postmaster.pid");
        try {
            return Files.isRegularFile(pidFile) ? Files.readAllLines(pidFile) : List.of();
        } catch (java.nio.file.NoSuchFileException stoppedMeanwhile) {
            return List.of();
        }
    }
}
