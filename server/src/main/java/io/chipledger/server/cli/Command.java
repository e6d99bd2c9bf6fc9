package io.chipledger.server.cli;

import java.util.List;

/** One subcommand of {@code poker-server}. */
public interface Command {

    /** The word that selects it: {@code serve}, {@code replay}, ... */
    String name();

    /** One line for the usage text. */
    String summary();

    /**
     * Runs to completion (or, for {@code serve}, until shut down).
     *
     * @return the process exit code: 0 for success
     */
    int run(List<String> args) throws Exception;
}
