package io.chipledger.server.table;

import io.chipledger.ledger.Transfer;
import io.chipledger.ledger.TransferKind;
import io.chipledger.money.Money;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HandHistoryRecorder;
import io.chipledger.server.history.record.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The record of a hand a crash interrupted, from the record it had so far (kept after each committed posting) and
 * the ledger, which has the last word on chips: the record's events whose transfers the ledger has, then any transfer
 * of the hand the record had not caught up with (told by its kind: a crash between a commit and the record's update
 * loses whether a bet was a call), then the refunds. So the stored hand names every transfer of the hand, as the
 * admin console checks.
 */
final class InterruptedHandRecord {

    private InterruptedHandRecord() {
    }

    /**
     * @param transfers     every transfer of the hand, the refunds included, in id order
     * @param seatOfAccount the seat of each seat account dealt in
     */
    static HandHistory of(HandHistory progress, List<Transfer> transfers, Map<Long, Integer> seatOfAccount, String reason,
                          Instant endedAt) {
        Set<Long> inLedger = new HashSet<>();
        transfers.forEach(t -> inLedger.add(t.id()));
        List<HistoryEvent> events = new ArrayList<>();
        Set<Long> named = new HashSet<>();
        for (HistoryEvent event : progress.events()) {
            if (event instanceof HistoryEvent.Chips chips) {
                if (chips.transferId() == null || !inLedger.contains(chips.transferId())) {
                    continue; // its posting never committed
                }
                named.add(chips.transferId());
            }
            events.add(event);
        }
        int blinds = (int) events.stream().filter(e -> e instanceof HistoryEvent.BlindPosted).count();
        List<HistoryEvent> refunds = new ArrayList<>();
        for (Transfer transfer : transfers) {
            if (named.contains(transfer.id())) {
                continue;
            }
            if (transfer.kind() == TransferKind.REFUND) {
                refunds.add(new HistoryEvent.Refunded(seatOfAccount.getOrDefault(transfer.toAccountId(), -1),
                        transfer.amount(), transfer.id()));
                continue;
            }
            HistoryEvent told = told(transfer, seatOfAccount, blinds);
            if (told instanceof HistoryEvent.BlindPosted) {
                blinds++;
            }
            if (told != null) {
                events.add(told);
            }
        }
        events.addAll(refunds);
        return HandHistoryRecorder.voidedFromProgress(progress, events, reason, endedAt);
    }

    /** A transfer the record had not caught up with, as the event its kind says it was. */
    private static HistoryEvent told(Transfer transfer, Map<Long, Integer> seatOfAccount, int blindsBefore) {
        int from = seatOfAccount.getOrDefault(transfer.fromAccountId(), -1);
        int to = seatOfAccount.getOrDefault(transfer.toAccountId(), -1);
        Money amount = transfer.amount();
        return switch (transfer.kind()) {
            case ANTE -> new HistoryEvent.AntePosted(from, amount, false, false, transfer.id());
            // The blinds go in first, small then big.
            case BLIND -> new HistoryEvent.BlindPosted(from, blindsBefore == 0 ? "SMALL" : "BIG", amount, false, transfer.id());
            case BET -> new HistoryEvent.Bet(from, amount, false, transfer.id());
            case UNCALLED_BET_RETURN -> new HistoryEvent.UncalledBetReturned(to, amount, transfer.id());
            case RAKE -> new HistoryEvent.RakeTaken(0, amount, transfer.id());
            case POT_AWARD -> new HistoryEvent.PotAwarded(0, to, amount, false, transfer.id());
            default -> null;
        };
    }
}
