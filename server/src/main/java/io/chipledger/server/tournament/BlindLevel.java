package io.chipledger.server.tournament;

/**
 * One level of a tournament's blind structure, in tournament chips (whole numbers, not money).
 *
 * @param ante {@code 0} for none; otherwise posted by every player dealt in
 */
public record BlindLevel(long smallBlind, long bigBlind, long ante) {

    public BlindLevel {
        if (smallBlind <= 0 || bigBlind < smallBlind || ante < 0) {
            throw new IllegalArgumentException("a level needs 0 < small blind <= big blind and an ante of 0 or more, not "
                    + smallBlind + "/" + bigBlind + " ante " + ante);
        }
    }

    /** "10/20", or "25/50 ante 5". */
    @Override
    public String toString() {
        return smallBlind + "/" + bigBlind + (ante > 0 ? " ante " + ante : "");
    }
}
