package io.chipledger.server.table;

import io.chipledger.money.Money;
import io.chipledger.money.RakeRule;
import io.chipledger.server.chips.OwnerRef;
import io.chipledger.server.game.holdem.Stakes;
import io.chipledger.server.game.holdem.Variant;
import java.time.Duration;
import java.util.Objects;

/**
 * How a table plays: the game, stakes, seats, buy-in range, rake and clocks. Fixed for the table's life; an operator who wants
 * other settings opens another table.
 *
 * @param actionTime time a player has for each decision before the time bank is used
 * @param timeBank   extra time per player, used up across decisions and topped up by nothing (kept simple on purpose)
 * @param variant    the game dealt: hole cards, betting structure (no-limit or pot-limit) and hand ranking
 */
public record TableConfig(long id, String name, String currency, Stakes stakes, int seatCount, Money minBuyIn,
                          Money maxBuyIn, RakeRule rake, Duration actionTime, Duration timeBank, Variant variant) {

    public TableConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(stakes, "stakes");
        Objects.requireNonNull(rake, "rake");
        if (seatCount < 2 || seatCount > 10) {
            throw new IllegalArgumentException("a table has 2 to 10 seats, not " + seatCount);
        }
        if (!minBuyIn.isPositive() || maxBuyIn.isLessThan(minBuyIn)) {
            throw new IllegalArgumentException("buy-in range " + minBuyIn + " to " + maxBuyIn + " is not a range of positive amounts");
        }
        if (minBuyIn.isLessThan(stakes.bigBlind())) {
            throw new IllegalArgumentException("the minimum buy-in " + minBuyIn + " is less than the big blind " + stakes.bigBlind());
        }
    }

    /** A No-Limit Hold'em table with these settings. */
    public TableConfig(long id, String name, String currency, Stakes stakes, int seatCount, Money minBuyIn,
                       Money maxBuyIn, RakeRule rake, Duration actionTime, Duration timeBank) {
        this(id, name, currency, stakes, seatCount, minBuyIn, maxBuyIn, rake, actionTime, timeBank,
                Variant.NO_LIMIT_TEXAS_HOLDEM);
    }

    /** A plain No-Limit table: blinds sb/bb, buy-in 20 to 100 big blinds, no rake, 20 s to act and a 30 s time bank. */
    public static TableConfig standard(long id, String name, Money smallBlind, Money bigBlind, int seats) {
        return new TableConfig(id, name, "CHP", Stakes.blinds(smallBlind, bigBlind), seats, bigBlind.times(20),
                bigBlind.times(100), RakeRule.NONE, Duration.ofSeconds(20), Duration.ofSeconds(30));
    }

    /**
     * A sit-and-go's table: the tournament's seats and clocks, the first level's blinds, no rake (the fee was the
     * house's), amounts in tournament chips (a chip is {@code Money.ofCents(1)}); no one buys in, so the buy-in range is
     * every chip of the tournament.
     */
    public static TableConfig tournament(String name, String currency, int seats, long everyChip,
                                         TournamentPlay.Level first, Duration actionTime, Duration timeBank) {
        Money all = Money.ofCents(Math.max(everyChip, first.bigBlind()));
        return new TableConfig(0, name, currency, first.stakes(), seats, all, all, RakeRule.NONE, actionTime, timeBank);
    }

    /** These settings for the table stored under {@code tableId}. */
    public TableConfig withId(long tableId) {
        return new TableConfig(tableId, name, currency, stakes, seatCount, minBuyIn, maxBuyIn, rake, actionTime, timeBank,
                variant);
    }

    /** These settings dealing another game. */
    public TableConfig withVariant(Variant game) {
        return new TableConfig(id, name, currency, stakes, seatCount, minBuyIn, maxBuyIn, rake, actionTime, timeBank, game);
    }

    /** The ledger owner reference of this table's own accounts (its pot and rake). */
    public String ledgerOwner() {
        return OwnerRef.table(id).text();
    }

    /** The ledger owner reference of a player's seat account at this table. */
    public String seatOwner(long playerId) {
        return OwnerRef.table(id).seatOf(playerId).text();
    }
}
