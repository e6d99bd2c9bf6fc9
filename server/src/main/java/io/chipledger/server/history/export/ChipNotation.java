package io.chipledger.server.history.export;

import io.chipledger.money.Money;
import io.chipledger.server.history.record.HandHistory;
import java.math.BigDecimal;

/**
 * How PokerStars writes a hand's amounts. Play chips as its play-money tables do: no currency sign, the stakes bare
 * ({@code (0.50/1.00)}), and {@code (Play Money)} after the table's size; a real currency in dollars
 * ({@code $0.50/$1.00 USD}). Whole amounts lose their cents ({@code 1}, {@code $1}), as PokerStars writes them.
 * Tournament chips as its tournaments write them, whole ({@code 1500}, {@code (10/20)}): in our records a tournament
 * chip is one hundredth of the engine's unit.
 */
enum ChipNotation {
    PLAY_MONEY("", "", " (Play Money)"),
    DOLLARS("$", " USD", ""),
    TOURNAMENT_CHIPS("", "", "");

    private final String sign;
    private final String currency;
    private final String tableTag;

    ChipNotation(String sign, String currency, String tableTag) {
        this.sign = sign;
        this.currency = currency;
        this.tableTag = tableTag;
    }

    /** Dollars for {@code USD}; our play chips ({@code CHP}) and anything else that is not money as play money. */
    static ChipNotation of(String currencyCode) {
        return "USD".equals(currencyCode) ? DOLLARS : PLAY_MONEY;
    }

    /** Tournament chips for a tournament's hand, else as {@link #of} the hand's currency. */
    static ChipNotation of(HandHistory hand) {
        return hand.game().tournament() != null ? TOURNAMENT_CHIPS : of(hand.currency());
    }

    /** {@code 12.50}, {@code 3} for a whole amount; with the sign in dollars; tournament chips whole. */
    String amount(Money money) {
        if (this == TOURNAMENT_CHIPS) {
            return Long.toString(money.toCents());
        }
        BigDecimal value = money.amount();
        return sign + (value.stripTrailingZeros().scale() <= 0 ? value.setScale(0).toPlainString() : value.toPlainString());
    }

    /** The blinds in the header: whole ones bare ({@code 1/2}), else both with cents ({@code 0.50/1.00}). */
    String stakes(Money smallBlind, Money bigBlind) {
        if (this == TOURNAMENT_CHIPS) {
            return amount(smallBlind) + "/" + amount(bigBlind);
        }
        boolean whole = smallBlind.amount().stripTrailingZeros().scale() <= 0 && bigBlind.amount().stripTrailingZeros().scale() <= 0;
        String blinds = whole ? amount(smallBlind) + "/" + amount(bigBlind)
                : sign + smallBlind.amount().toPlainString() + "/" + sign + bigBlind.amount().toPlainString();
        return blinds + currency;
    }

    /** What follows the table's size in the table line. */
    String tableTag() {
        return tableTag;
    }
}
