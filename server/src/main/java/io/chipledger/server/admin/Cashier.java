package io.chipledger.server.admin;

import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Ledger;
import io.chipledger.ledger.Leg;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.RejectReason;
import io.chipledger.ledger.TransferKind;
import io.chipledger.money.Money;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.server.account.Player;
import io.chipledger.server.account.PlayerDirectory;
import io.chipledger.server.chips.OwnerRef;
import io.chipledger.server.chips.PostingKey;
import io.chipledger.server.gateway.PlayerConnections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Moves money between the outside world and a player's wallet: deposits, withdrawals and adjustments, each one
 * double-entry ledger transfer with the cashier account, keyed by the operator's idempotency key (so a double click
 * moves money once) and pointing back at its request in the admin audit log. The ledger decides: a withdrawal larger
 * than the wallet is its refusal, not a check here that could race. A frozen player is never credited.
 */
final class Cashier {

    /** Which way the money goes and how the journal names it. */
    enum Movement {
        DEPOSIT(TransferKind.DEPOSIT, true),
        WITHDRAWAL(TransferKind.WITHDRAWAL, false),
        CREDIT_ADJUSTMENT(TransferKind.ADMIN_ADJUSTMENT, true),
        DEBIT_ADJUSTMENT(TransferKind.ADMIN_ADJUSTMENT, false);

        final TransferKind kind;
        final boolean credit;

        Movement(TransferKind kind, boolean credit) {
            this.kind = kind;
            this.credit = credit;
        }
    }

    private final Ledger ledger;
    private final PlayerDirectory players;
    private final PlayerConnections online;
    private final Executor worker;
    private final String currency;

    Cashier(Ledger ledger, PlayerDirectory players, PlayerConnections online, Executor worker, String currency) {
        this.ledger = ledger;
        this.players = players;
        this.online = online;
        this.worker = worker;
        this.currency = currency;
    }

    /** The ledger key of an operator's request: its idempotency key, in the admin namespace. */
    static String postingKey(String idempotencyKey) {
        return new PostingKey.Operator(idempotencyKey).text();
    }

    CompletableFuture<AdminReply> move(Movement movement, long playerId, Money amount, String idempotencyKey, long logId) {
        return players.findById(playerId).thenCompose(found -> {
            Player player = found.orElseThrow(() -> AdminRefusal.notFound("PLAYER_NOT_FOUND", "no player " + playerId));
            if (movement.credit && players.isFrozen(playerId)) {
                throw AdminRefusal.conflict("ACCOUNT_FROZEN", player.name() + "'s account is frozen: it cannot be credited");
            }
            return CompletableFuture.supplyAsync(() -> new long[] {
                    ledger.openAccount(AccountKind.CASHIER, OwnerRef.cashier().text(), currency).id(),
                    ledger.openAccount(AccountKind.WALLET, player.ledgerOwner(), currency).id()}, worker)
                    .thenCompose(accounts -> {
                        long cashier = accounts[0];
                        long wallet = accounts[1];
                        Leg leg = movement.credit ? new Leg(cashier, wallet, amount, movement.kind)
                                : new Leg(wallet, cashier, amount, movement.kind);
                        Posting posting = new Posting(postingKey(idempotencyKey), movement.kind, null, null,
                                "admin-log:" + logId, List.of(leg));
                        return ledger.post(posting).thenApplyAsync(result -> answer(movement, player, amount, wallet, result), worker);
                    });
        });
    }

    private AdminReply answer(Movement movement, Player player, Money amount, long wallet, PostingResult result) {
        Money balance = ledger.balance(wallet);
        if (result instanceof PostingResult.Rejected rejected) {
            if (rejected.reason() == RejectReason.INSUFFICIENT_FUNDS) {
                throw AdminRefusal.conflict("INSUFFICIENT_FUNDS", player.name() + "'s wallet holds " + balance
                        + "; taking " + amount + " would overdraw it. Nothing moved.");
            }
            if (rejected.reason() == RejectReason.IDEMPOTENCY_CONFLICT) {
                throw AdminRefusal.conflict("IDEMPOTENCY_KEY_REUSED", rejected.message());
            }
            throw AdminRefusal.conflict("LEDGER_REFUSED", rejected.message() + ". Nothing moved.");
        }
        long postingId = result instanceof PostingResult.Committed committed ? committed.postingId()
                : ((PostingResult.Replayed) result).postingId();
        online.send(player.id(), new ServerMessage.Wallet(balance)); // the player sees the new balance at once
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("playerId", player.id());
        body.put("player", player.name());
        body.put("movement", movement.name());
        body.put("kind", movement.kind.name());
        body.put("amount", amount);
        body.put("postingId", postingId);
        body.put("wallet", balance);
        return AdminReply.ok(body);
    }
}
