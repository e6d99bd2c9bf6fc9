package io.chipledger.ledger.testing;

import io.chipledger.ledger.Account;
import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Ledger;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.TransferKind;
import io.chipledger.money.Money;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small steps tests share: post and wait, fund a wallet, run raw SQL as the superuser and read its first column. */
public final class LedgerScenario {

    private LedgerScenario() {
    }

    public static PostingResult postAndWait(Ledger ledger, Posting posting) {
        try {
            return ledger.post(posting).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("posting " + posting.idempotencyKey() + " did not complete", e);
        }
    }

    /** Opens a wallet for {@code owner} and deposits {@code amount} into it from the cashier. */
    public static Account fundedWallet(Ledger ledger, String owner, String amount) {
        Account cashier = ledger.openAccount(AccountKind.CASHIER, "house", "CHP");
        Account wallet = ledger.openAccount(AccountKind.WALLET, owner, "CHP");
        PostingResult result = postAndWait(ledger, Posting.single("deposit-" + owner, TransferKind.DEPOSIT,
                cashier.id(), wallet.id(), Money.of(amount)));
        if (!result.accepted()) {
            throw new AssertionError("could not fund " + owner + ": " + result);
        }
        return ledger.account(wallet.id()).orElseThrow();
    }

    public static void execute(DataSource dataSource, String... statements) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The first column of every row {@code sql} returns, as text. */
    public static List<String> strings(DataSource source, String sql) {
        try (Connection c = source.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(r.getString(1));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
