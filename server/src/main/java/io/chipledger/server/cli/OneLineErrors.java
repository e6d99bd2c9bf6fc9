package io.chipledger.server.cli;

import io.chipledger.ledger.db.DataDirectoryInUseException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.api.FlywayException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * What a command prints when it fails. A mistake on the command line, or one the user can put right (a database that
 * will not take the connection, a port in use, a missing file, a data directory another server holds), is one line
 * naming the command; only a failure nobody could foresee (a bug) prints its stack trace.
 */
final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    static final int USAGE = 2;
    static final int FAILED = 1;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + ex.getMessage());
        if (command.getCommandSpec().parent() == null && !command.getSubcommands().isEmpty()
                && args.length > 0 && args[0].startsWith("-")) {
            // Before commands, the jar ran serve when none was named; say how to now.
            err.println("a command comes first, e.g. " + name + " serve " + String.join(" ", args));
        }
        err.println("usage: " + name + " --help");
        err.flush();
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        Optional<UserError> explained = explain(ex);
        if (explained.isPresent()) {
            err.println(command.getCommandSpec().qualifiedName() + ": " + explained.get().getMessage());
            err.flush();
            return explained.get().exitCode();
        }
        err.println(command.getCommandSpec().qualifiedName() + " failed unexpectedly:");
        ex.printStackTrace(err);
        err.flush();
        return FAILED;
    }

    /** The one line for a failure a user caused or can remedy, if this is one. */
    static Optional<UserError> explain(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Optional<String> line = line(cause);
            if (line.isPresent()) {
                return Optional.of(cause instanceof UserError user ? user : new UserError(FAILED, line.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> line(Throwable cause) {
        if (cause instanceof UserError user) {
            return Optional.of(user.getMessage());
        }
        if (cause instanceof DataDirectoryInUseException inUse) {
            return Optional.of(inUse.getMessage());
        }
        if (cause instanceof BindException bind) {
            return Optional.of("cannot listen: " + bind.getMessage() + " (is another server using that --port?)");
        }
        if (cause instanceof SQLException sql && userCaused(sql.getSQLState())) {
            return Optional.of("database: " + oneLine(sql.getMessage()));
        }
        if (cause instanceof FlywayException flyway) {
            return Optional.of("database migration refused: " + oneLine(flyway.getMessage()));
        }
        if (cause instanceof NoSuchFileException missing) {
            return Optional.of(missing.getFile() + ": no such file or directory");
        }
        if (cause instanceof AccessDeniedException denied) {
            return Optional.of(denied.getFile() + ": permission denied");
        }
        if (cause instanceof FileAlreadyExistsException exists) {
            return Optional.of(exists.getFile() + ": already exists");
        }
        if (cause instanceof FileSystemException other) {
            return Optional.of(oneLine(other.getMessage()));
        }
        return Optional.empty();
    }

    /**
     * SQL states a user causes or can fix: no connection (08), wrong password (28), no such database (3D000), no
     * privilege (42501), too many connections (53300), the server shutting down (57P).
     */
    private static boolean userCaused(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("28") || state.equals("3D000")
                || state.equals("42501") || state.equals("53300") || state.startsWith("57P"));
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
