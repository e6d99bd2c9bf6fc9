package io.chipledger.server.browser;

import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Account;
import io.chipledger.money.Money;
import io.chipledger.server.GameServer;

/** What the ledger holds for a player or a table: the figures a page's display is checked against. */
record Balances(GameServer server) {

    Money wallet(String player) {
        return balance(AccountKind.WALLET, owner(player));
    }

    Money seat(long tableId, String player) {
        return balance(AccountKind.SEAT, "table:" + tableId + "/" + owner(player));
    }

    Money pot(long tableId) {
        return balance(AccountKind.POT, "table:" + tableId);
    }

    private String owner(String player) {
        return server.players().find(player).join().orElseThrow().ledgerOwner();
    }

    private Money balance(AccountKind kind, String owner) {
        return server.ledger().findAccount(kind, owner, GameServer.CURRENCY).map(Account::balance).orElse(Money.ZERO);
    }
}
