package io.chipledger.server.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every long option may come from the environment, named {@code POKER_} and the option in capitals ({@code --db-url}
 * from {@code POKER_DB_URL}, {@code --port} from {@code POKER_PORT}), so a service unit can configure the server without
 * a command line; a flag on the command line wins over its variable, and a blank variable counts as unset.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {

    static final String PREFIX = "POKER_";

    private final Map<String, String> env;

    EnvironmentDefaults(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()
                || !option.longestName().startsWith("--")) {
            return null;
        }
        String value = env.get(variable(option.longestName()));
        return value == null || value.isBlank() ? null : value;
    }

    /** {@code --db-url} to {@code POKER_DB_URL}. */
    static String variable(String longOption) {
        return PREFIX + longOption.substring(2).replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
