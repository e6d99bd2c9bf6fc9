package io.chipledger.server.table;

import io.chipledger.ledger.money.Money;
import io.chipledger.server.account.Player;
import java.time.Duration;

/**
 * A player sitting at a table, as the table actor keeps it: the ledger account holding their stack, the stack as last
 * committed, and their intentions (sitting out, leaving). Mutable; touched only inside the table's mailbox.
 */
final class Seat {

    final int number;
    final Player player;
    final long accountId;
    /** The buy-in's idempotency key: names this stint at the seat, so its cash-out key is unique too. */
    final String stintKey;
    Money stack;
    boolean sittingOut;
    boolean leaving;
    boolean connected = true;
    /** Sat out by the table because the player dropped, not by choice: sat in again when they return. */
    boolean sittingOutWhileAway;
    /** Counts departures and returns, so a grace timer set before the player came back knows it is stale. */
    int absences;
    Duration timeBank;

    Seat(int number, Player player, long accountId, String stintKey, Money stack, Duration timeBank) {
        this.number = number;
        this.player = player;
        this.accountId = accountId;
        this.stintKey = stintKey;
        this.stack = stack;
        this.timeBank = timeBank;
    }

    /** Dealt into the next hand: present, willing and with chips. */
    boolean ready() {
        return !sittingOut && !leaving && stack.isPositive();
    }
}
