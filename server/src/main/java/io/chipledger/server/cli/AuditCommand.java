package io.chipledger.server.cli;

import io.chipledger.ledger.audit.AuditReport;
import io.chipledger.ledger.audit.LedgerAuditor;
import io.chipledger.ledger.db.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code poker-server audit [db options]}: checks every ledger invariant, prints a summary, exits 1 on any violation. */
@Command(name = "audit", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Check the chip ledger: balances re-derived, chips conserved, history unbroken.",
                "Exits 0 when clean, 1 on any violation, 2 when there is no ledger to read."})
public final class AuditCommand implements Callable<Integer> {

    @Mixin
    private DatabaseOptions database;

    private final Terminal terminal;

    AuditCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        database.requireLedger();
        try (Database opened = Database.openOrJoin(database.toConfig())) {
            AuditReport report = new LedgerAuditor(opened.sqlSessionFactory()).audit();
            terminal.out().print(report.summary());
            terminal.out().flush();
            return report.clean() ? 0 : 1;
        }
    }
}
