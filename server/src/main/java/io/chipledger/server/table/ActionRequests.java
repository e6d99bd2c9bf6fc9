package io.chipledger.server.table;

import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.server.account.Player;
import io.chipledger.server.game.holdem.HandCommand;
import io.chipledger.server.game.holdem.LegalActions;

/**
 * A player's action as the table checks it before the engine sees it: their seat, a request not already carried out,
 * this hand, their turn, an amount the engine accepts. What passes becomes the engine's command.
 */
final class ActionRequests {

    private ActionRequests() {
    }

    /** Either the command to play for the seat, or the answer that settles the request without playing. */
    record Verdict(Seat seat, HandCommand command, Outcome answer) {

        static Verdict answered(Outcome answer) {
            return new Verdict(null, null, answer);
        }

        static Verdict refused(ClientMessage.Act act, ErrorCode code, String message) {
            return answered(Outcome.refused(act.requestId(), code, message));
        }

        boolean accepted() {
            return command != null;
        }
    }

    static Verdict verify(TableState table, Player player, ClientMessage.Act act) {
        Seat seat = table.seats.of(player);
        if (seat == null) {
            return Verdict.refused(act, ErrorCode.NOT_SEATED, "you have no seat at this table");
        }
        ClientMessage.Act earlier = seat.actionFor(act.requestId());
        if (earlier != null) {
            // Sent again (a reconnect, a double click): answered, not repeated.
            return earlier.equals(act) ? Verdict.answered(Outcome.done(act.requestId()))
                    : Verdict.refused(act, ErrorCode.REQUEST_ID_REUSED, "request " + act.requestId() + " was another action");
        }
        RunningHand hand = table.hand;
        if (hand == null || hand.id != act.handId()) {
            return Verdict.refused(act, ErrorCode.ILLEGAL_ACTION, "hand " + act.handId() + " is not being played");
        }
        if (hand.hand.actor().isEmpty() || hand.hand.actor().getAsInt() != seat.number) {
            return Verdict.refused(act, ErrorCode.NOT_YOUR_TURN, "it is not your turn");
        }
        HandCommand command;
        try {
            command = commandFor(hand, seat.number, act);
        } catch (IllegalArgumentException e) {
            return Verdict.refused(act, ErrorCode.ILLEGAL_ACTION, e.getMessage());
        }
        var refusal = hand.hand.refusal(command);
        if (refusal.isPresent()) {
            return Verdict.refused(act, ErrorCode.ILLEGAL_ACTION, refusal.get().getMessage());
        }
        return new Verdict(seat, command, null);
    }

    /** The engine command for a wire action; amounts are raise-to totals for the street. */
    private static HandCommand commandFor(RunningHand hand, int seat, ClientMessage.Act act) {
        LegalActions legal = hand.hand.legalActions().orElseThrow();
        ActionKind kind = act.action();
        if ((kind == ActionKind.BET || kind == ActionKind.RAISE) && act.amount() == null) {
            throw new IllegalArgumentException(kind + " needs an amount");
        }
        return switch (kind) {
            case FOLD -> new HandCommand.Fold(seat);
            case CHECK -> new HandCommand.Check(seat);
            case CALL -> new HandCommand.Call(seat);
            // Both name the street total the player wants in front of them; which one it is depends on whether a bet
            // is open (the big blind's option before the flop is a raise), and the engine knows that better than a client.
            case BET, RAISE -> legal.isBet() ? new HandCommand.Bet(seat, act.amount()) : new HandCommand.RaiseTo(seat, act.amount());
            case ALL_IN -> !legal.canBetOrRaise() ? new HandCommand.Call(seat)
                    : legal.isBet() ? new HandCommand.Bet(seat, legal.maxTo()) : new HandCommand.RaiseTo(seat, legal.maxTo());
        };
    }
}
