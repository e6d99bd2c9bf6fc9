package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;

/**
 * An event that moves chips: a positive {@link #amount()} from one account to another. The ledger posts exactly these.
 */
public interface ChipMovement {

    ChipAccount from();

    ChipAccount to();

    Money amount();
}
