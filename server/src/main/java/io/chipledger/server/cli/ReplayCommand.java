package io.chipledger.server.cli;

import io.chipledger.server.history.phh.PhhEntry;
import io.chipledger.server.history.phh.PhhReader;
import io.chipledger.server.history.phh.PhhReplayer;
import io.chipledger.server.history.phh.ReplayResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code poker-server replay FILE...}: replays every hand of PHH files through the rules engine, prints one line per
 * hand whose final stacks differ (or that cannot be read or played), then {@code N hands, M mismatches}.
 * Exits 0 only when every hand was read and matched.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay PHH hand histories (.phh, .phhs) through the rules engine and check the final stacks.")
final class ReplayCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "PHH files")
    private List<String> args;

    private final PrintStream out;
    private final PrintStream err;

    ReplayCommand(Terminal terminal) {
        this.out = terminal.out();
        this.err = terminal.err();
    }

    @Override
    public Integer call() {
        PhhReader reader = new PhhReader();
        PhhReplayer replayer = new PhhReplayer();
        long hands = 0;
        long mismatches = 0;
        long reopened = 0;
        boolean unreadableFile = false;
        for (String arg : args) {
            List<PhhEntry> entries;
            try {
                entries = reader.read(Path.of(arg));
            } catch (IOException | RuntimeException unreadable) {
                err.println(arg + ": cannot read: " + unreadable.getMessage());
                unreadableFile = true;
                continue;
            }
            for (PhhEntry entry : entries) {
                hands++;
                String problem = null;
                if (entry instanceof PhhEntry.Unreadable unreadable) {
                    problem = "cannot parse: " + unreadable.problem();
                } else if (entry instanceof PhhEntry.Readable readable) {
                    ReplayResult result = replayer.replay(readable.hand());
                    if (result instanceof ReplayResult.Mismatched mismatch) {
                        problem = mismatch.reason();
                    } else if (result instanceof ReplayResult.MatchedUnderAnyRaiseReopening lenient) {
                        reopened++;
                        err.println("note: " + arg + " [" + entry.name() + "]: matched only when any raise reopens "
                                + "the betting: '" + lenient.action() + "' re-raises after a short all-in");
                    }
                }
                if (problem != null) {
                    mismatches++;
                    out.println(arg + " [" + entry.name() + "]: " + problem);
                }
            }
        }
        if (reopened > 0) {
            err.println("note: " + reopened + " hand(s) re-raise after an all-in for less than a full raise, which our "
                    + "tables refuse; they were settled under the any-raise-reopens rule of the recording engine");
        }
        out.println(hands + " hands, " + mismatches + " mismatches");
        return mismatches > 0 || unreadableFile ? 1 : 0;
    }
}
