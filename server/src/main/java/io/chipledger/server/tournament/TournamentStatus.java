package io.chipledger.server.tournament;

/**
 * Where a sit-and-go is in its life. {@code FINISHING} and {@code CANCELLING} are the moments between deciding and
 * paying: the places are final (or the cancellation decided) and the prizes (or refunds) are being posted; a server
 * that stops there finishes the payment when it starts again.
 */
public enum TournamentStatus {
    /** Taking registrations; it starts when every seat is taken. */
    REGISTERING,
    /** Being played; no one registers or unregisters. */
    RUNNING,
    /** Every place decided; the prizes are being paid from the pool. */
    FINISHING,
    /** The prizes are paid. */
    FINISHED,
    /** Cancelled; the buy-ins and fees are being refunded. */
    CANCELLING,
    /** Every buy-in and fee refunded. */
    CANCELLED;

    /** Nothing more happens to it. */
    public boolean over() {
        return this == FINISHED || this == CANCELLED;
    }
}
