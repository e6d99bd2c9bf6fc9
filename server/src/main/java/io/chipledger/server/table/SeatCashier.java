package io.chipledger.server.table;

import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Ledger;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.TransferKind;
import io.chipledger.money.Money;
import io.chipledger.server.account.Player;
import io.chipledger.server.chips.PostingKey;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The ledger side of a table's seats: buy-ins and top-ups (wallet to seat) and cash-outs (seat to wallet), each one
 * idempotent posting, with the seat record written around them so a restart knows who sat where. It answers with
 * what happened and the balances after; the table actor decides what to tell whom. Blocking lookups run on the
 * worker; nothing here touches the actor's state.
 */
final class SeatCashier {

    private final TableConfig config;
    private final Ledger ledger;
    private final ChipPoster poster;
    private final SeatRecords records;
    private final Executor worker;

    SeatCashier(TableConfig config, Ledger ledger, ChipPoster poster, SeatRecords records, Executor worker) {
        this.config = config;
        this.ledger = ledger;
        this.poster = poster;
        this.records = records;
        this.worker = worker;
    }

    /** A player's wallet and their seat account at this table. */
    record Accounts(long wallet, long seat) {
    }

    /** What a buy-in or top-up came to: the ledger's answer, and the balances after when it moved chips. */
    record Outcome(PostingResult result, long seatAccount, Money seatBalance, Money walletBalance) {
        boolean moved() {
            return result instanceof PostingResult.Committed;
        }
    }

    /** What a cash-out came to: refused (the seat stays), or the stack that went home and the wallet after. */
    record CashOut(PostingResult.Rejected refusal, Money stack, Money walletBalance) {
    }

    /** The buy-in's key, which also names the stint at the seat (its cash-out key derives from it). */
    static String buyInKey(long tableId, Player player, String requestId) {
        return new PostingKey.BuyIn(tableId, player.id(), requestId).text();
    }

    /**
     * Records the seat, then moves {@code amount} from the wallet to the seat under {@code key}. A refusal, or the
     * replay of a stint that already ended, forgets the seat record again.
     */
    CompletableFuture<Outcome> buyIn(Player player, int seat, String key, Money amount) {
        return accountsOf(player).thenCompose(accounts -> records.taken(config.id(), seat, player.id(), accounts.seat(), key)
                .thenCompose(recorded -> poster.post(Posting.single(key, TransferKind.BUY_IN, accounts.wallet(), accounts.seat(), amount)))
                .thenCompose(result -> result instanceof PostingResult.Committed
                        ? balances(result, accounts)
                        : records.left(config.id(), seat, key).thenApply(v -> new Outcome(result, accounts.seat(), null, null))));
    }

    /** The same buy-in again: the ledger compares it with the original and answers as it did, or refuses the reuse. */
    CompletableFuture<PostingResult> repeatBuyIn(Player player, String key, Money amount) {
        return accountsOf(player).thenCompose(accounts ->
                poster.post(Posting.single(key, TransferKind.BUY_IN, accounts.wallet(), accounts.seat(), amount)));
    }

    CompletableFuture<Outcome> topUp(Player player, long seatAccount, String key, Money amount) {
        return accountsOf(player).thenCompose(accounts ->
                poster.post(Posting.single(key, TransferKind.BUY_IN, accounts.wallet(), seatAccount, amount))
                        .thenCompose(result -> result.accepted() ? balances(result, accounts)
                                : CompletableFuture.completedFuture(new Outcome(result, seatAccount, null, null))));
    }

    /** Moves the seat's whole stack back to the wallet, then forgets the seat record. */
    CompletableFuture<CashOut> cashOut(Seat seat) {
        String key = new PostingKey.CashOut(seat.stintKey).text();
        return accountsOf(seat.player).thenCompose(accounts -> {
            Money stack = ledger.balance(seat.accountId);
            CompletableFuture<PostingResult> moved = stack.isPositive()
                    ? poster.post(Posting.single(key, TransferKind.CASH_OUT, seat.accountId, accounts.wallet(), stack))
                    : CompletableFuture.completedFuture(null);
            return moved.thenCompose(result -> result instanceof PostingResult.Rejected refused
                    ? CompletableFuture.completedFuture(new CashOut(refused, stack, null))
                    : records.left(config.id(), seat.number, seat.stintKey)
                            .thenApply(v -> new CashOut(null, stack, ledger.balance(accounts.wallet()))));
        });
    }

    private CompletableFuture<Outcome> balances(PostingResult result, Accounts accounts) {
        return CompletableFuture.supplyAsync(() -> new Outcome(result, accounts.seat(), ledger.balance(accounts.seat()),
                ledger.balance(accounts.wallet())), worker);
    }

    private CompletableFuture<Accounts> accountsOf(Player player) {
        return CompletableFuture.supplyAsync(() -> new Accounts(
                ledger.openAccount(AccountKind.WALLET, player.ledgerOwner(), config.currency()).id(),
                ledger.openAccount(AccountKind.SEAT, config.seatOwner(player.id()), config.currency()).id()),
                worker);
    }
}
