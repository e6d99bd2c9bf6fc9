package io.chipledger.server.game;

import java.util.Objects;

/** A seed a player added to a deck's derivation, tied to the seat it was sent from. */
public record ClientSeed(int seat, String seed) {

    public ClientSeed {
        Objects.requireNonNull(seed, "seed");
        if (seat < 0) {
            throw new IllegalArgumentException("seat numbers are not negative, was " + seat);
        }
    }
}
