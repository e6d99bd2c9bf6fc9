package io.chipledger.ledger.db;

import io.chipledger.ledger.Account;
import io.chipledger.ledger.postgres.PostgresLedger;

import java.nio.file.Path;

import static io.chipledger.ledger.testing.LedgerScenario.fundedWallet;

/**
 * Stands in for a poker server in its own JVM: opens the embedded database in {@code args[0]}, deposits 42.00 into
 * alice's wallet, says {@code READY <postmaster pid>} and waits to be killed.
 */
public final class EmbeddedServerProcess {

    private EmbeddedServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Database database = Database.open(DatabaseConfig.embedded(dataDir));
        PostgresLedger ledger = PostgresLedger.start(database);
        Account wallet = fundedWallet(ledger, "alice", "42.00");
        long postmaster = RunningPostmaster.process(dataDir.resolve("pg")).orElseThrow().pid();
        System.out.println("READY " + postmaster + " " + wallet.id());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
