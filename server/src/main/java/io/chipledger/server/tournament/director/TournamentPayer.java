package io.chipledger.server.tournament.director;

import io.chipledger.money.Money;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.server.tournament.Prize;
import io.chipledger.server.tournament.TournamentStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The money a tournament pays back out of its pool, and what its players hear of their wallets: each entry's refund,
 * and the prizes (the tournament then stored FINISHED), posted by the {@link EntryCashier} under their keys, so paying
 * again after a crash moves nothing twice. The pool holds every cent it was given: a refusal here is a bug, thrown as one.
 */
final class TournamentPayer {

    private final long tournamentId;
    private final EntryCashier cashier;
    private final TournamentRecords records;
    private final TournamentDirector.Services services;

    TournamentPayer(long tournamentId, EntryCashier cashier, TournamentRecords records, TournamentDirector.Services services) {
        this.tournamentId = tournamentId;
        this.cashier = cashier;
        this.records = records;
        this.services = services;
    }

    /** Gives one entry's buy-in and fee back to the player's wallet, and tells them. */
    CompletableFuture<Void> refund(long entryId, long playerId) {
        return cashier.refund(entryId, playerId).thenCompose(result -> {
            if (!result.accepted()) {
                throw new IllegalStateException("tournament " + tournamentId + ": the refund of entry " + entryId
                        + " was refused: " + result);
            }
            return tellWallet(playerId).thenApply(wallet -> null);
        });
    }

    /** Refunds every entry ({@code entries}: player id to entry id), one after the other. */
    CompletableFuture<Void> refundAll(Map<Long, Long> entries) {
        CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
        for (Map.Entry<Long, Long> entry : entries.entrySet()) {
            all = all.thenCompose(v -> refund(entry.getValue(), entry.getKey()));
        }
        return all;
    }

    /** Pays the prizes out of the pool, then stores the tournament FINISHED; the winners hear of it by {@link #tellWinners}. */
    CompletableFuture<Void> pay(List<Prize> prizes) {
        return cashier.pay(prizes).thenCompose(result -> {
            if (!result.accepted()) {
                throw new IllegalStateException("tournament " + tournamentId + ": the prizes were refused: " + result);
            }
            return CompletableFuture.runAsync(() -> records.setStatus(tournamentId, TournamentStatus.FINISHED,
                    services.clock().instant()), services.worker());
        });
    }

    /** Each player paid a prize is sent their wallet's new balance. */
    CompletableFuture<Void> tellWinners(List<Prize> prizes) {
        return CompletableFuture.allOf(prizes.stream().filter(prize -> prize.amount().isPositive())
                .map(prize -> tellWallet(prize.playerId())).toArray(CompletableFuture[]::new));
    }

    /** Sends the player their wallet's balance, on every connection they have open, and completes with it. */
    CompletableFuture<Money> tellWallet(long playerId) {
        return cashier.walletBalance(playerId).thenApply(wallet -> {
            services.online().send(playerId, new ServerMessage.Wallet(wallet));
            return wallet;
        });
    }
}
