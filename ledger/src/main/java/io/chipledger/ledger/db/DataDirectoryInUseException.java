package io.chipledger.ledger.db;

import java.nio.file.Path;

/** A server was asked to start on an embedded data directory another running server holds: two servers, one ledger. */
public final class DataDirectoryInUseException extends IllegalStateException {

    public DataDirectoryInUseException(Path pgDataDir, long postmasterPid) {
        super("the database in " + pgDataDir.toAbsolutePath().normalize() + " is in use by another running poker server "
                + "(its PostgreSQL is pid " + postmasterPid + "); stop that server first or choose another --data-dir");
    }
}
