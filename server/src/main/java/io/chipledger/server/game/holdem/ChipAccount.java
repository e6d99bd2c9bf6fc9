package io.chipledger.server.game.holdem;

/** Where chips sit during a hand: a seat's stack, the hand's pot, or the house (rake). */
public sealed interface ChipAccount {

    record SeatStack(int seat) implements ChipAccount {
    }

    /** All chips committed to the hand; main and side pots are a division of it made at settlement. */
    record HandPot() implements ChipAccount {
    }

    record House() implements ChipAccount {
    }

    ChipAccount POT = new HandPot();
    ChipAccount HOUSE = new House();

    static ChipAccount seat(int seat) {
        return new SeatStack(seat);
    }
}
