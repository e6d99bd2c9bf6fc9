package io.chipledger.server.table;

import io.chipledger.ledger.Ledger;
import io.chipledger.server.account.PlayerDirectory;
import java.time.Duration;

/**
 * A game node taking one table under a fresh claim of its lease: the table's crash recovery (its hands left open are
 * voided or stored as settled, never a neighbour's), then its actor, then its recorded seats given back to their
 * players (away until they reconnect here). Everything is written under the claim's fence: should another node claim
 * the table meanwhile, nothing of this moves a chip.
 */
public final class TableTakeover {

    private final TableServices services;
    private final UnfinishedHands hands;
    private final PlayerDirectory players;
    private final String currency;
    private final Duration pauseBetweenHands;

    public TableTakeover(TableServices services, UnfinishedHands hands, PlayerDirectory players, String currency,
                         Duration pauseBetweenHands) {
        this.services = services;
        this.hands = hands;
        this.players = players;
        this.currency = currency;
        this.pauseBetweenHands = pauseBetweenHands;
    }

    /** What taking the table came to: its actor, the hands it ended, the seats it gave back. */
    public record Taken(TableActor actor, int handsEnded, SeatRecovery.Outcome seats) {
    }

    /** Recovers and opens the table; blocking. */
    public Taken take(TableFence fence, TableRecords.StoredTable stored) {
        Ledger fenced = new FencedLedger(services.ledger(), fence);
        long tableId = stored.config().id();
        int ended = new CrashRecovery(hands.fencedBy(fence), fenced, services.worker(), currency, services.clock())
                .endOpenHandsAt(tableId);
        TableActor actor = TableActor.openUnder(fence, stored.config(), services, pauseBetweenHands);
        if (stored.status() == TableStatus.PAUSED) {
            actor.pause();
        }
        SeatRecovery.Outcome seats = new SeatRecovery(services.seats().fencedBy(fence), fenced, players, null)
                .recoverAt(actor);
        return new Taken(actor, ended, seats);
    }

    /**
     * Recovers and opens a sit-and-go's table for its tournament, which seats its players: a hand a crash left open
     * there is voided (the tournament resumes from the chips of its start). Blocking.
     */
    public TableActor takeTournament(TableFence fence, TableConfig config, TournamentPlay play) {
        new CrashRecovery(hands.fencedBy(fence), new FencedLedger(services.ledger(), fence), services.worker(), currency,
                services.clock()).endOpenHandsAt(config.id());
        return TableActor.forTournamentUnder(fence, config, services, pauseBetweenHands, play);
    }
}
