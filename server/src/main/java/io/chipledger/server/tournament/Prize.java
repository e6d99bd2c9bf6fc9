package io.chipledger.server.tournament;

import io.chipledger.money.Money;

/**
 * What one player won: their place (or the places they tied for, {@code place} to {@code lastPlace}) and the prize,
 * which is zero outside the paid places.
 *
 * @param oddCent true when the prize includes one leftover cent of the division that made it: the pool's division
 *                among the places (it goes to the higher place), or a shared prize's division among players who tied
 *                (it goes to the tied player seated first clockwise from the button)
 */
public record Prize(long playerId, int place, int lastPlace, Money amount, boolean oddCent) {
}
