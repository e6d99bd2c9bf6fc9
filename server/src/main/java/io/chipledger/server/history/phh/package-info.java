/**
 * Poker Hand History (PHH, the University of Toronto's TOML-based format): reading {@code .phh} and {@code .phhs}
 * files with exact decimal amounts, and replaying their hands (No-Limit Hold'em, {@code NT}, and Pot-Limit Omaha,
 * {@code PO}) through the same {@link io.chipledger.server.game.holdem.HoldemHand} the tables use, to check its
 * settlement against the recorded finishing stacks.
 */
package io.chipledger.server.history.phh;
