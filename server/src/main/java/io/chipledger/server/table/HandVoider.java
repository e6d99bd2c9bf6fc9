package io.chipledger.server.table;

import io.chipledger.ledger.Leg;
import io.chipledger.ledger.Ledger;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.Transfer;
import io.chipledger.ledger.TransferKind;
import io.chipledger.money.Money;
import io.chipledger.server.chips.HandRef;
import io.chipledger.server.chips.PostingKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Cancels a hand whose settlement never committed (a crash, a refused movement): every chip that went from a seat
 * into the pot and has not come back is refunded to that seat, in one posting whose key is derived from the hand, so
 * voiding can itself crash and be run again without refunding twice. A hand whose pot already went back to zero
 * (settled) needs nothing.
 */
final class HandVoider {

    private final Ledger ledger;
    private final Executor worker;

    HandVoider(Ledger ledger, Executor worker) {
        this.ledger = ledger;
        this.worker = worker;
    }

    /**
     * What a voided hand gave back: amounts by seat account, and the ledger transfers, in account order.
     *
     * @param settlement when nothing was refunded because the hand's pot had already been awarded (its settlement
     *                   committed): that settlement posting's transfers, in leg order; else empty
     */
    record Refunds(Map<Long, Money> byAccount, List<Long> transferIds, List<Long> settlement) {

        /** The hand's settlement had committed: nothing was left to refund. */
        boolean paidOut() {
            return !settlement.isEmpty();
        }
    }

    /** Refunds what is left of the hand's pot to the seats it came from; completes with what was refunded. */
    CompletableFuture<Refunds> voidHand(long potAccount, String tableRef, HandRef hand) {
        String handRef = hand.text();
        return CompletableFuture.supplyAsync(() -> ledger.transfersOfHand(handRef), worker)
                .thenCompose(transfers -> {
                    Map<Long, Money> refunds = refundsOf(potAccount, transfers);
                    if (refunds.isEmpty()) {
                        return CompletableFuture.completedFuture(new Refunds(refunds, List.of(), settlementOf(transfers)));
                    }
                    List<Leg> legs = new ArrayList<>();
                    refunds.forEach((seatAccount, amount) -> legs.add(new Leg(potAccount, seatAccount, amount, TransferKind.REFUND)));
                    Posting refund = new Posting(new PostingKey.VoidedHand(hand).text(), TransferKind.REFUND, tableRef, handRef,
                            "void", legs);
                    return ledger.post(refund).thenApply(result -> {
                        if (!result.accepted()) {
                            throw new IllegalStateException("voiding " + handRef + " was refused: " + ((PostingResult.Rejected) result).message());
                        }
                        return new Refunds(refunds, result.transferIds(), List.of());
                    });
                });
    }

    /** The transfers of the posting that awarded the hand's pots (its settlement), in leg order; empty if none did. */
    static List<Long> settlementOf(List<Transfer> transfers) {
        Long settlement = transfers.stream().filter(t -> t.kind() == TransferKind.POT_AWARD).map(Transfer::postingId)
                .findFirst().orElse(null);
        return transfers.stream().filter(t -> settlement != null && t.postingId() == settlement)
                .sorted(Comparator.comparingInt(Transfer::legIndex)).map(Transfer::id).toList();
    }

    /** Net chips each seat account has in the pot for this hand; empty when the pot is square (already settled). */
    static Map<Long, Money> refundsOf(long potAccount, List<Transfer> transfers) {
        Map<Long, Money> net = new TreeMap<>();
        Money potNet = Money.ZERO;
        for (Transfer transfer : transfers) {
            if (transfer.toAccountId() == potAccount) {
                net.merge(transfer.fromAccountId(), transfer.amount(), Money::plus);
                potNet = potNet.plus(transfer.amount());
            } else if (transfer.fromAccountId() == potAccount) {
                net.merge(transfer.toAccountId(), transfer.amount().negate(), Money::plus);
                potNet = potNet.minus(transfer.amount());
            }
        }
        if (!potNet.isPositive()) {
            return Map.of();
        }
        net.values().removeIf(amount -> !amount.isPositive());
        return net;
    }
}
