package io.chipledger.server.tournament;

/** Why a tournament refused a request, with a stable code for clients and a message a person can act on. */
public final class TournamentRefusal extends RuntimeException {

    /** The stable part, for clients and tests. */
    public enum Code {
        NOT_REGISTERING,
        FULL,
        ALREADY_REGISTERED,
        NOT_REGISTERED,
        ALREADY_OVER,
        /** The wallet does not hold the buy-in and the fee. */
        INSUFFICIENT_FUNDS,
        /** An operator froze the player's account. */
        ACCOUNT_FROZEN,
        UNKNOWN_TOURNAMENT
    }

    private final Code code;

    public TournamentRefusal(Code code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
