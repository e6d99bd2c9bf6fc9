package io.chipledger.server.table;

import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.RejectReason;
import io.chipledger.money.Money;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.account.Player;
import io.chipledger.server.chips.PostingKey;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Seats players and moves their chips in: sitting down with a buy-in, topping up between hands, sitting out and in,
 * and asking to leave (the {@link Croupier} decides when a leaver's stack can go). A buy-in or top-up is answered,
 * and the table told, only once the ledger committed it.
 */
final class Usher {

    private final TableState table;
    private final TableConfig config;
    private final SeatCashier cashier;
    private final Croupier croupier;
    private final RemovedPlayers removed;

    Usher(TableState table, SeatCashier cashier, Croupier croupier, RemovedPlayers removed) {
        this.table = table;
        this.config = table.config;
        this.cashier = cashier;
        this.croupier = croupier;
        this.removed = removed;
    }

    CompletionStage<Outcome> sitDown(Player player, ClientMessage.SitDown request) {
        if (table.playsATournament()) {
            return Outcome.refused(request.requestId(), ErrorCode.ILLEGAL_ACTION,
                    "a tournament seats its own players: register for the tournament").now();
        }
        if (table.closedByOperator) {
            return Outcome.refused(request.requestId(), ErrorCode.TABLE_CLOSED, "this table is closing").now();
        }
        if (table.databaseAway) {
            return databaseAway(request.requestId());
        }
        String key = SeatCashier.buyInKey(config.id(), player, request.requestId());
        Seat existing = table.seats.of(player);
        if (existing != null && existing.stintKey.equals(key)) {
            return answerRepeatedBuyIn(player, request, key, existing);
        }
        if (existing != null) {
            return Outcome.refused(request.requestId(), ErrorCode.ALREADY_SEATED, "you already sit in seat " + existing.number).now();
        }
        if (request.seat() < 0 || request.seat() >= table.seats.count()) {
            return Outcome.refused(request.requestId(), ErrorCode.BAD_MESSAGE, "seats are 0 to " + (table.seats.count() - 1)).now();
        }
        if (table.seats.get(request.seat()) != null) {
            return Outcome.refused(request.requestId(), ErrorCode.SEAT_TAKEN, "seat " + request.seat() + " is taken").now();
        }
        if (request.amount().isLessThan(config.minBuyIn()) || request.amount().isGreaterThan(config.maxBuyIn())) {
            return Outcome.refused(request.requestId(), ErrorCode.BUY_IN_OUT_OF_RANGE,
                    "buy in for " + config.minBuyIn() + " to " + config.maxBuyIn()).now();
        }
        if (player.frozen()) {
            return Outcome.refused(request.requestId(), ErrorCode.ACCOUNT_FROZEN, "your account is frozen").now();
        }
        Duration barred = removed.barredFor(player.id());
        if (!barred.isZero()) {
            long minutes = Math.max(1, (barred.toSeconds() + 59) / 60);
            return Outcome.refused(request.requestId(), ErrorCode.BARRED_FROM_TABLE, "an operator removed you from this table; "
                    + "you may sit here again in " + minutes + (minutes == 1 ? " minute" : " minutes")).now();
        }
        return cashier.buyIn(player, request.seat(), key, request.amount()).thenApply(outcome -> {
            if (outcome.result() instanceof PostingResult.Rejected rejected) {
                return refused(request.requestId(), rejected);
            }
            if (!outcome.moved()) {
                // The buy-in of a stint that already ended, sent again: answered, not repeated.
                return Outcome.done(request.requestId());
            }
            Seat seat = new Seat(request.seat(), player, outcome.seatAccount(), key, outcome.seatBalance(), config.timeBank());
            seat.postsBigBlind = request.postsBigBlind();
            table.seats.put(seat);
            croupier.dealIfReady();
            return Outcome.of(new Outcome.Joined())
                    .andPublished(new TableEvent.SeatTaken(seat.number, player.name(), seat.stack))
                    .andDone(request.requestId())
                    .and(new Outcome.ToPlayer(player.id(), new ServerMessage.Wallet(outcome.walletBalance())));
        });
    }

    /**
     * The buy-in that seated this player, sent again (a reconnect, a double click). The ledger compares it with the
     * original: the same request is answered again, the same requestId with another amount or seat is refused.
     */
    private CompletionStage<Outcome> answerRepeatedBuyIn(Player player, ClientMessage.SitDown request, String key, Seat seated) {
        if (request.seat() != seated.number) {
            return Outcome.refused(request.requestId(), ErrorCode.REQUEST_ID_REUSED,
                    "request " + request.requestId() + " seated you in seat " + seated.number).now();
        }
        return cashier.repeatBuyIn(player, key, request.amount())
                .thenApply(result -> result instanceof PostingResult.Rejected rejected
                        ? refused(request.requestId(), rejected) : Outcome.done(request.requestId()));
    }

    /**
     * A buy-in or top-up while the database is unavailable would wait on it (a commit that waits for a standby waits
     * as long as it takes): answered at once instead, nothing moved; the player sends it again once the table resumes.
     */
    private static CompletionStage<Outcome> databaseAway(String requestId) {
        return Outcome.refused(requestId, ErrorCode.UNAVAILABLE,
                "the database is unavailable; nothing changed: try again once the table resumes").now();
    }

    CompletionStage<Outcome> topUp(Player player, ClientMessage.TopUp request) {
        if (table.playsATournament()) {
            return Outcome.refused(request.requestId(), ErrorCode.ILLEGAL_ACTION, "tournament chips cannot be topped up").now();
        }
        if (table.closedByOperator) {
            return Outcome.refused(request.requestId(), ErrorCode.TABLE_CLOSED, "this table is closing").now();
        }
        if (table.databaseAway) {
            return databaseAway(request.requestId());
        }
        Seat seat = table.seats.of(player);
        if (seat == null) {
            return Outcome.refused(request.requestId(), ErrorCode.NOT_SEATED, "you have no seat at this table").now();
        }
        if (table.inHand(seat)) {
            return Outcome.refused(request.requestId(), ErrorCode.ILLEGAL_ACTION, "top up between hands").now();
        }
        Money after = seat.stack.plus(request.amount());
        if (!request.amount().isPositive() || after.isLessThan(config.minBuyIn()) || after.isGreaterThan(config.maxBuyIn())) {
            // A stack below the minimum buy-in is what a top-up must lift off the floor, not leave there: a 0.01
            // top-up once dealt a busted player in with 0.01.
            return Outcome.refused(request.requestId(), ErrorCode.BUY_IN_OUT_OF_RANGE, topUpRange(seat)).now();
        }
        if (player.frozen()) {
            return Outcome.refused(request.requestId(), ErrorCode.ACCOUNT_FROZEN, "your account is frozen").now();
        }
        String key = new PostingKey.TopUp(config.id(), player.id(), request.requestId()).text();
        return cashier.topUp(player, seat.accountId, key, request.amount()).thenApply(outcome -> {
            if (outcome.result() instanceof PostingResult.Rejected rejected) {
                return refused(request.requestId(), rejected);
            }
            Money added = outcome.seatBalance().minus(seat.stack); // zero for a top-up sent again
            seat.stack = outcome.seatBalance();
            Rebuys.takenUp(seat);
            croupier.dealIfReady();
            Outcome toppedUp = added.isPositive()
                    ? Outcome.published(new TableEvent.ToppedUp(seat.number, added, seat.stack)) : Outcome.none();
            return toppedUp.andDone(request.requestId())
                    .and(new Outcome.ToPlayer(player.id(), new ServerMessage.Wallet(outcome.walletBalance())));
        });
    }

    /** What a top-up to this seat may add, in words: enough to reach the minimum buy-in, at most up to the maximum. */
    private String topUpRange(Seat seat) {
        Money most = config.maxBuyIn().minus(seat.stack).max(Money.ZERO);
        if (!most.isPositive()) {
            return "your stack is at the table maximum of " + config.maxBuyIn();
        }
        Money least = config.minBuyIn().minus(seat.stack).max(Money.CENT);
        return "add " + least + " to " + most + " (a stack ends between " + config.minBuyIn() + " and " + config.maxBuyIn() + ")";
    }

    /** Answered at once; the seat is given up now between hands, or after the hand the player is in. */
    CompletionStage<Outcome> leave(Player player, ClientMessage.Leave request) {
        if (table.playsATournament()) {
            // Tournament chips cannot be cashed out: a player who goes away is sat out and blinded off instead.
            return Outcome.refused(request.requestId(), ErrorCode.ILLEGAL_ACTION,
                    "a tournament seat cannot be left: its chips stay in play (sit out to be blinded off)").now();
        }
        Seat seat = table.seats.of(player);
        if (seat == null) {
            return Outcome.refused(request.requestId(), ErrorCode.NOT_SEATED, "you have no seat at this table").now();
        }
        seat.leaving = true;
        return Outcome.done(request.requestId()).then(() -> croupier.standUp(seat)).now();
    }

    /** {@code postBigBlind}: coming back, the player posts a big blind rather than wait for it (DealingOrder). */
    Outcome setSittingOut(Player player, String requestId, boolean out, boolean postBigBlind) {
        Seat seat = table.seats.of(player);
        if (seat == null) {
            return Outcome.refused(requestId, ErrorCode.NOT_SEATED, "you have no seat at this table");
        }
        seat.sittingOutWhileAway = false;
        seat.postsBigBlind = !out && postBigBlind;
        Outcome changed = Outcome.none();
        if (seat.sittingOut != out) {
            seat.sittingOut = out;
            changed = Outcome.published(out ? new TableEvent.SatOut(seat.number) : new TableEvent.SatIn(seat.number));
        }
        if (!out) {
            croupier.dealIfReady();
        }
        return changed.andDone(requestId);
    }

    static Outcome refused(String requestId, PostingResult.Rejected rejected) {
        ErrorCode code = rejected.reason() == RejectReason.INSUFFICIENT_FUNDS ? ErrorCode.INSUFFICIENT_FUNDS
                : rejected.reason() == RejectReason.IDEMPOTENCY_CONFLICT ? ErrorCode.REQUEST_ID_REUSED
                : ErrorCode.INTERNAL;
        return Outcome.refused(requestId, code, rejected.message());
    }
}
