package io.chipledger.server.history.record;

import io.chipledger.money.Money;
import java.util.List;

/**
 * A player dealt into the hand. {@code holeCards} is null where the reader may not see them (another player's cards
 * that were never shown); {@code finalStack} is the stack after the hand, as the ledger holds it.
 */
public record SeatRecord(int seat, long playerId, String player, Money startingStack, Money finalStack,
                         List<String> holeCards) {

    public SeatRecord {
        holeCards = holeCards == null ? null : List.copyOf(holeCards);
    }

    SeatRecord withHoleCards(List<String> cards) {
        return new SeatRecord(seat, playerId, player, startingStack, finalStack, cards);
    }
}
