package io.chipledger.protocol;

/** Why a request was refused; sent as text in {@code error.code}. Documented in docs/protocol.md. */
public enum ErrorCode {
    /** Not JSON, not an object, trailing data, or too deeply nested. */
    BAD_JSON,
    /** A {@code type} the server does not know, or a message missing a required field. */
    BAD_MESSAGE,
    /** An amount that is a JSON number, finer than a cent, negative, or not a plain decimal string. */
    BAD_AMOUNT,
    /** The client's protocol version is not one the server speaks. */
    UNSUPPORTED_VERSION,
    /** No valid session: log in again. */
    UNAUTHORIZED,
    /** The first message on a connection must be {@code hello}. */
    HELLO_REQUIRED,
    TABLE_NOT_FOUND,
    SEAT_TAKEN,
    NOT_SEATED,
    ALREADY_SEATED,
    /** A buy-in or top-up outside the table's minimum and maximum. */
    BUY_IN_OUT_OF_RANGE,
    INSUFFICIENT_FUNDS,
    NOT_YOUR_TURN,
    /** The action is not legal now (check facing a bet, raise below the minimum, ...); the message says why. */
    ILLEGAL_ACTION,
    /** The same requestId was used before for a different request. */
    REQUEST_ID_REUSED,
    ACCOUNT_FROZEN,
    TABLE_CLOSED,
    /** The table is served by another game node now: look it up again ({@code GET /api/route?table=ID}) and watch it there. */
    TABLE_MOVED,
    /** An operator removed this player from the table a short while ago; the message says when they may sit again. */
    BARRED_FROM_TABLE,
    RATE_LIMITED,
    MESSAGE_TOO_LARGE,
    /**
     * The server counts its database as unavailable (the table is paused with a {@code tablePaused} saying so):
     * nothing changed; send the request again once the table resumes. Not remembered under its requestId.
     */
    UNAVAILABLE,
    /** Something failed on the server; nothing was changed that the client was told about. */
    INTERNAL
}
