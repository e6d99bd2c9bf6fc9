package io.chipledger.server.history.record;

import io.chipledger.money.Money;

/**
 * The sit-and-go a hand was played in: its id, the buy-in and fee each player paid (money), and the blind level of
 * the hand. The hand's amounts are tournament chips, each one hundredth of the engine's unit ({@code 1500} chips are
 * {@code 15.00} in the record), as the export writes them back in whole chips.
 */
public record TournamentRecord(long id, Money buyIn, Money fee, int level) {

    public TournamentRecord {
        if (level < 1) {
            throw new IllegalArgumentException("levels are numbered from 1, not " + level);
        }
    }
}
