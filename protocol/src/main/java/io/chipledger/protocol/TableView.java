package io.chipledger.protocol;

import io.chipledger.money.Money;
import java.util.List;

/**
 * A table as one viewer may see it: hole cards appear only for the viewer's own seat or once shown at showdown.
 *
 * @param handId    the hand in progress, or null between hands
 * @param button    the dealer button's seat, or -1 before the first hand
 * @param toAct     whose turn it is, or null
 * @param nextDeckCommitment the commitment to the seed of the table's next hand (docs/provably-fair.md): what a
 *                  client seed is sent against, also before the table's first hand
 * @param game      the game dealt: {@code NLHE} (No-Limit Hold'em, two hole cards) or {@code PLO} (Pot-Limit Omaha,
 *                  four hole cards, the largest bet being the pot); a client sizes its bets and card rows by it
 * @param tournamentChips true at a sit-and-go's table: its amounts are tournament chips, one chip being one hundredth
 *                  of a unit on the wire (1500 chips are {@code "15.00"}); a client shows and reads them as whole chips
 */
public record TableView(
        long tableId,
        String name,
        Money smallBlind,
        Money bigBlind,
        Money minBuyIn,
        Money maxBuyIn,
        int seatCount,
        List<SeatView> seats,
        Long handId,
        int button,
        List<String> board,
        List<PotView> pots,
        Turn toAct,
        String nextDeckCommitment,
        String game,
        boolean tournamentChips) {

    /** An occupied seat. {@code holeCards} is null when hidden from this viewer. */
    public record SeatView(int seat, String player, Money stack, Money bet, SeatStatus status, List<String> holeCards) {
    }

    /** BUSTED: no chips left, offered a rebuy (see {@code rebuyOffered}) until the seat is given up. */
    public enum SeatStatus {
        WAITING, ACTIVE, FOLDED, ALL_IN, SITTING_OUT, DISCONNECTED, BUSTED
    }

    /** A main or side pot and the seats that can win it. */
    public record PotView(Money amount, List<Integer> eligibleSeats) {
    }

    /**
     * The seat to act, the time left, and (for that seat's own player only) what it may do.
     *
     * @param legal null for everyone but the player to act
     */
    public record Turn(int seat, long millisLeft, long timeBankMillis, LegalActions legal) {
    }

    /**
     * The actions open to the player to act. Raise amounts are raise-to totals for this street.
     *
     * @param call       the amount a call adds, null when checking is possible
     * @param minRaiseTo null when no bet or raise is possible
     */
    public record LegalActions(boolean canCheck, Money call, Money minRaiseTo, Money maxRaiseTo) {
    }
}
