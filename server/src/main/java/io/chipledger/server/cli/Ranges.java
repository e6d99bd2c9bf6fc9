package io.chipledger.server.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Bounds on numeric options, refused as usage errors that name the option and its range. */
final class Ranges {

    private Ranges() {
    }

    static int check(CommandSpec spec, String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), option + " takes a number from " + min
                    + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ", not " + value);
        }
        return value;
    }

    static int positive(CommandSpec spec, String option, int value) {
        return check(spec, option, value, 1, Integer.MAX_VALUE);
    }
}
