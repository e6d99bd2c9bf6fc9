package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;

/**
 * A chip movement to or from one seat's stack, carrying that stack as the engine left it: whoever tells the hand (the
 * table's narrator, the history recorder, a replay) reads the stack here instead of adding the movements up again.
 */
public interface StackChange extends ChipMovement {

    int seat();

    /** The seat's stack once this movement was made. */
    Money stackAfter();
}
