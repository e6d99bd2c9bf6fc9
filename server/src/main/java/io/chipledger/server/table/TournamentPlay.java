package io.chipledger.server.table;

import io.chipledger.money.Money;
import io.chipledger.server.game.holdem.Ante;
import io.chipledger.server.game.holdem.Stakes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What a sit-and-go's table asks of its tournament and tells it: the stakes of each hand (the blind level in force),
 * each player's chips after each hand (kept durable: they are the next hand's starting chips, so a crash voids the hand
 * in play back to them), and the players who lost their last chip in a hand. Called only from the table's mailbox, one call at a time; the table waits for each
 * returned future before it goes on.
 *
 * <p>In the engine a tournament chip is one hundredth of a unit ({@code Money.ofCents(1)}): a split pot's odd chip is
 * then a whole chip, going by seat order as a cash table's odd cent does, and no bet can be a fraction of a chip.
 */
public interface TournamentPlay {

    /** Which sit-and-go this is and what entering it cost, for the hands' records. */
    Entry entry();

    /** The blind level of the hand about to be dealt at {@code now}: levels count the hands dealt and the time. */
    Level levelForNextHand(Instant now);

    /**
     * The blind level of the last hand dealt, as stored (level 1 before the first): what the players see between
     * hands, also right after a restart, before this table has dealt a hand.
     */
    Level levelInForce();

    /**
     * Hand {@code handId} ended, the button at seat {@code button}: every seated player's chips after it ({@code 0} for
     * those it busted), and who busted. Stored in one transaction with the level, the button and the busted players'
     * places (and, when one player is left, the prizes, then paid); completes once stored. A crash from then on
     * resumes from these chips, the button moving on from this hand's.
     */
    CompletableFuture<Void> handEnded(long handId, int button, Map<Long, Long> chipsByPlayer, List<Busted> busts);

    /** The tournament has a winner, or was cancelled: the table deals no more, and is gone. */
    void tableClosed(long tableId);

    /** A sit-and-go's id and the buy-in and fee (money) each player paid to enter it. */
    record Entry(long tournamentId, Money buyIn, Money fee) {
    }

    /** A blind level: its number from 1, and its blinds and ante in tournament chips. */
    record Level(int number, long smallBlind, long bigBlind, long ante) {

        /** The level's stakes in the engine's units (a chip is {@code Money.ofCents(1)}). */
        public Stakes stakes() {
            Stakes stakes = Stakes.blinds(Money.ofCents(smallBlind), Money.ofCents(bigBlind));
            return ante > 0 ? stakes.withAnte(new Ante.Uniform(Money.ofCents(ante))) : stakes;
        }
    }

    /**
     * A player out of chips.
     *
     * @param seatOrder their seat's place clockwise from the button in that hand (0 first), for a shared prize's odd cent
     */
    record Busted(long playerId, long chipsAtHandStart, int seatOrder) {
    }
}
