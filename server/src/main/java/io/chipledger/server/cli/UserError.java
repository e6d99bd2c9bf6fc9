package io.chipledger.server.cli;

/**
 * Something the person running a command can put right (a missing file, a name already taken, a directory with no
 * ledger): printed as one line, {@code poker-server <command>: <message>}, never as a stack trace.
 */
public final class UserError extends RuntimeException {

    private final int exitCode;

    public UserError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
