package io.chipledger.server.table;

import io.chipledger.money.Money;
import io.chipledger.server.account.Player;
import io.chipledger.protocol.ClientMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

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
    /** Sat down, or left out of a hand the table played: dealt in again only once the big blind reaches the seat. */
    boolean waitsForBigBlind = true;
    /**
     * While waiting: the player chose to post a big blind rather than wait for it, and is dealt in at the first hand in
     * which the seat is after the blinds and before the button (DealingOrder).
     */
    boolean postsBigBlind;
    /** Busted and offered a rebuy that is still open; {@code rebuyOffers} numbers the offers, so a stale timer knows. */
    boolean awaitingRebuy;
    int rebuyOffers;
    /**
     * A tournament seat: sitting out or away, it is still dealt in, posts its blinds and folds (blinded off, as in a
     * real tournament), since its chips are the tournament's and cannot leave the table.
     */
    boolean blindedOffWhenOut;
    /** The player's latest actions by requestId, so one sent again after a reconnect is answered, not repeated. */
    private final Map<String, ClientMessage.Act> recentActions = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ClientMessage.Act> eldest) {
            return size() > RECENT_ACTIONS;
        }
    };
    private static final int RECENT_ACTIONS = 32;

    Seat(int number, Player player, long accountId, String stintKey, Money stack, Duration timeBank) {
        this.number = number;
        this.player = player;
        this.accountId = accountId;
        this.stintKey = stintKey;
        this.stack = stack;
        this.timeBank = timeBank;
    }

    /** The action this seat already carried out under that requestId, if any. */
    ClientMessage.Act actionFor(String requestId) {
        return recentActions.get(requestId);
    }

    void carriedOut(ClientMessage.Act act) {
        recentActions.put(act.requestId(), act);
    }

    /** Dealt into the next hand: present, willing (or a tournament's, blinded off) and with chips. */
    boolean ready() {
        return (!sittingOut || blindedOffWhenOut) && !leaving && stack.isPositive();
    }

    /** The table plays this seat's turn at once: the player is leaving, or a tournament player sitting out. */
    boolean playedForAtOnce() {
        return leaving || (sittingOut && blindedOffWhenOut);
    }
}
