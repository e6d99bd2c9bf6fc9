package io.chipledger.server.cli;

import io.chipledger.ledger.audit.AuditReport;
import io.chipledger.ledger.audit.LedgerAuditor;
import io.chipledger.ledger.db.Database;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code poker-server audit [db options]}: checks every ledger invariant, prints a summary, exits 1 on any violation. */
public final class AuditCommand implements Command {

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    public AuditCommand() {
        this(System.out, System.err, System.getenv());
    }

    AuditCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String summary() {
        return "check the chip ledger: balances re-derived, chips conserved, history unbroken";
    }

    @Override
    public int run(List<String> args) {
        DatabaseOptions options;
        try {
            options = DatabaseOptions.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("audit: " + e.getMessage() + "\nusage: poker-server audit " + DatabaseOptions.USAGE);
            return 2;
        }
        if (!options.remaining().isEmpty()) {
            err.println("audit: unknown arguments " + options.remaining()
                    + "\nusage: poker-server audit " + DatabaseOptions.USAGE);
            return 2;
        }
        Optional<String> missing = options.missingLedger();
        if (missing.isPresent()) {
            err.println("audit: " + missing.get());
            return 2;
        }
        try (Database database = Database.open(options.toConfig())) {
            AuditReport report = new LedgerAuditor(database.sqlSessionFactory()).audit();
            out.print(report.summary());
            out.flush();
            return report.clean() ? 0 : 1;
        }
    }
}
