package io.chipledger.server.tournament.director;

import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Fence;
import io.chipledger.ledger.Ledger;
import io.chipledger.ledger.Leg;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.TransferKind;
import io.chipledger.money.Money;
import io.chipledger.server.chips.OwnerRef;
import io.chipledger.server.chips.PostingKey;
import io.chipledger.server.tournament.Prize;
import io.chipledger.server.tournament.TournamentRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger side of one tournament: an entry's buy-in (wallet to the prize pool) and fee (wallet to the fee account)
 * in one posting, its refund (both back) in one posting, and the prizes (prize pool to the winners' wallets) in one
 * posting. Each is keyed by the entry or the tournament, so posting it again, after a crash or a resent request, moves
 * nothing twice. Account lookups block, so they run on the worker.
 */
final class EntryCashier {

    private static final Logger log = LoggerFactory.getLogger(EntryCashier.class);
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final Ledger ledger;
    private final Executor worker;
    private final String currency;
    private final long tournamentId;
    private final String tournamentRef;
    private final TournamentRules rules;
    private final Supplier<Fence> fence;

    /** @param fence the fence of the tournament's lease each posting carries now (null: a server alone) */
    EntryCashier(Ledger ledger, Executor worker, String currency, long tournamentId, TournamentRules rules,
                 Supplier<Fence> fence) {
        this.fence = fence;
        this.ledger = ledger;
        this.worker = worker;
        this.currency = currency;
        this.tournamentId = tournamentId;
        this.tournamentRef = OwnerRef.tournament(tournamentId).text();
        this.rules = rules;
    }

    /** The tournament's prize pool and fee accounts. */
    record Accounts(long pool, long fees) {
    }

    CompletableFuture<Accounts> accounts() {
        return CompletableFuture.supplyAsync(() -> new Accounts(
                ledger.openAccount(AccountKind.PRIZE_POOL, tournamentRef, currency).id(),
                ledger.openAccount(AccountKind.FEE, tournamentRef, currency).id()), worker);
    }

    /** Takes the buy-in and the fee from the player's wallet, under the entry's key. */
    CompletableFuture<PostingResult> enter(long entryId, long playerId) {
        return withWallet(playerId, (accounts, wallet) -> {
            List<Leg> legs = new ArrayList<>();
            legs.add(new Leg(wallet, accounts.pool(), rules.buyIn(), TransferKind.BUY_IN));
            if (rules.fee().isPositive()) {
                legs.add(new Leg(wallet, accounts.fees(), rules.fee(), TransferKind.ENTRY_FEE));
            }
            return new Posting(new PostingKey.TournamentEntry(entryId).text(), TransferKind.BUY_IN, tournamentRef, null,
                    null, legs);
        });
    }

    /** Gives the entry's buy-in and fee back to the player's wallet, under the entry's refund key. */
    CompletableFuture<PostingResult> refund(long entryId, long playerId) {
        return withWallet(playerId, (accounts, wallet) -> {
            List<Leg> legs = new ArrayList<>();
            legs.add(new Leg(accounts.pool(), wallet, rules.buyIn(), TransferKind.REFUND));
            if (rules.fee().isPositive()) {
                legs.add(new Leg(accounts.fees(), wallet, rules.fee(), TransferKind.REFUND));
            }
            return new Posting(new PostingKey.EntryRefund(entryId).text(), TransferKind.REFUND, tournamentRef, null,
                    null, legs);
        });
    }

    /**
     * Pays every positive prize from the pool in one posting under the tournament's key, one leg each in the order of
     * place then player id: the same prizes make the same posting, however they were listed.
     */
    CompletableFuture<PostingResult> pay(List<Prize> prizes) {
        List<Prize> ordered = prizes.stream()
                .sorted(Comparator.comparingInt(Prize::place).thenComparingLong(Prize::playerId)).toList();
        return accounts().thenCompose(accounts -> CompletableFuture.supplyAsync(() -> {
            List<Leg> legs = new ArrayList<>();
            for (Prize prize : ordered) {
                if (prize.amount().isPositive()) {
                    legs.add(new Leg(accounts.pool(), wallet(prize.playerId()), prize.amount(), TransferKind.PRIZE));
                }
            }
            return new Posting(new PostingKey.TournamentPrizes(tournamentId).text(), TransferKind.PRIZE, tournamentRef,
                    null, null, legs);
        }, worker)).thenCompose(this::post);
    }

    /** The player's wallet balance now. */
    CompletableFuture<Money> walletBalance(long playerId) {
        return CompletableFuture.supplyAsync(() -> ledger.balance(wallet(playerId)), worker);
    }

    private long wallet(long playerId) {
        return ledger.openAccount(AccountKind.WALLET, OwnerRef.player(playerId).text(), currency).id();
    }

    private interface PostingOf {
        Posting with(Accounts accounts, long wallet);
    }

    private CompletableFuture<PostingResult> withWallet(long playerId, PostingOf posting) {
        return accounts().thenCompose(accounts -> CompletableFuture.supplyAsync(
                () -> posting.with(accounts, wallet(playerId)), worker)).thenCompose(this::post);
    }

    /**
     * Posts, and posts again under the same key while the outcome is unknown (the database failed): the key makes that
     * safe, and a tournament waits for the ledger's answer rather than guess it.
     */
    private CompletableFuture<PostingResult> post(Posting posting) {
        CompletableFuture<PostingResult> answer = new CompletableFuture<>();
        Fence lease = fence.get();
        // On a game node, fenced by the tournament's lease: a node that lost it (paused past it) moves no chip.
        attempt(lease == null ? posting : posting.withFence(lease), answer, 1);
        return answer;
    }

    private void attempt(Posting posting, CompletableFuture<PostingResult> answer, int attempt) {
        ledger.post(posting).whenComplete((result, failure) -> {
            if (failure == null) {
                answer.complete(result);
                return;
            }
            long backoffMillis = Math.min(MAX_BACKOFF_MILLIS, 50L << Math.min(attempt, 7));
            log.warn("posting {} outcome unknown (attempt {}), asking again in {} ms", posting.idempotencyKey(), attempt,
                    backoffMillis, failure);
            CompletableFuture.delayedExecutor(backoffMillis, TimeUnit.MILLISECONDS)
                    .execute(() -> attempt(posting, answer, attempt + 1));
        });
    }
}
