package io.chipledger.server.table;

import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Ledger;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.TransferKind;
import io.chipledger.server.account.Player;
import io.chipledger.server.account.PlayerDirectory;
import io.chipledger.server.chips.OwnerRef;
import io.chipledger.server.chips.PostingKey;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs at start-up, after {@link CrashRecovery} put the chips of interrupted hands back on their seats and the tables
 * are loaded: every recorded seat holding chips is given back to its player (away until they return); a seat row
 * whose chips are gone is forgotten; and chips on a seat account no seat claims (a crash between a cash-out and its
 * bookkeeping, or a table closed meanwhile) go back to the player's wallet. Each cash-out's key is derived from the
 * seat account's version, so recovery can itself crash and run again without paying twice.
 */
public final class SeatRecovery {

    private static final Logger log = LoggerFactory.getLogger(SeatRecovery.class);

    private final SeatRecords seats;
    private final Ledger ledger;
    private final PlayerDirectory players;
    private final TableDirectory tables;

    public SeatRecovery(SeatRecords seats, Ledger ledger, PlayerDirectory players, TableDirectory tables) {
        this.seats = seats;
        this.ledger = ledger;
        this.players = players;
        this.tables = tables;
    }

    /** What recovery did: seats given back, and stranded seat accounts cashed out. */
    public record Outcome(int restored, int cashedOut) {
    }

    /** Blocking; run before the server listens. */
    public Outcome recover() {
        return recover(seats.atOpenTables(), seats.stranded(), tables::find);
    }

    /**
     * Gives back the seats of one table only, which a game node just took over ({@code table} its new actor), and
     * returns its stranded seat accounts' chips: built with the table's fenced ledger and records. Blocking.
     */
    public Outcome recoverAt(TableActor table) {
        long id = table.config().id();
        return recover(seats.atTable(id), seats.strandedAt(id), tableId -> Optional.of(table));
    }

    private Outcome recover(List<SeatRecords.RecordedSeat> recorded, List<SeatRecords.StrandedSeat> strandedSeats,
                            LongFunction<Optional<TableActor>> tableOf) {
        int restored = 0;
        for (SeatRecords.RecordedSeat row : recorded) {
            TableActor table = tableOf.apply(row.tableId()).orElse(null);
            Player player = players.findById(row.playerId()).join().orElse(null);
            if (table == null || player == null || !row.balance().isPositive()) {
                seats.left(row.tableId(), row.seat(), row.stintKey()).join();
                continue;
            }
            table.restoreSeat(row.seat(), player, row.seatAccountId(), row.stintKey(), row.balance()).join();
            restored++;
        }
        int cashedOut = 0;
        for (SeatRecords.StrandedSeat stranded : strandedSeats) {
            cashOut(stranded);
            cashedOut++;
        }
        return new Outcome(restored, cashedOut);
    }

    private void cashOut(SeatRecords.StrandedSeat stranded) {
        if (!(OwnerRef.parse(stranded.ownerRef()) instanceof OwnerRef.Seat seat)) {
            throw new IllegalStateException("a stranded seat account is owned by no seat: " + stranded);
        }
        String walletOwner = seat.wallet().text();
        long wallet = ledger.openAccount(AccountKind.WALLET, walletOwner, stranded.currency()).id();
        String key = new PostingKey.StrandedSeat(stranded.accountId(), stranded.version()).text();
        PostingResult result = ledger.post(Posting.single(key, TransferKind.CASH_OUT, stranded.accountId(), wallet,
                stranded.balance())).join();
        if (!result.accepted()) {
            throw new IllegalStateException("could not return stranded seat chips " + stranded + ": " + result);
        }
        log.warn("seat account {} ({}) held {} with no seat; returned to {}", stranded.accountId(), stranded.ownerRef(),
                stranded.balance(), walletOwner);
    }
}
