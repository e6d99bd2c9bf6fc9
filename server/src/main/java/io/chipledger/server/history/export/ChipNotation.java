package io.chipledger.server.history.export;

import io.chipledger.money.Money;
import java.math.BigDecimal;

/**
 * How PokerStars writes a hand's amounts. Play chips as its play-money tables do: no currency sign, the stakes bare
 * ({@code (0.50/1.00)}), and {@code (Play Money)} after the table's size; a real currency in dollars
 * ({@code $0.50/$1.00 USD}). Whole amounts lose their cents ({@code 1}, {@code $1}), as PokerStars writes them.
 */
enum ChipNotation {
    PLAY_MONEY("", "", " (Play Money)"),
    DOLLARS("$", " USD", "");

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

    /** {@code 12.50}, {@code 3} for a whole amount; with the sign in dollars. */
    String amount(Money money) {
        BigDecimal value = money.amount();
        return sign + (value.stripTrailingZeros().scale() <= 0 ? value.setScale(0).toPlainString() : value.toPlainString());
    }

    /** The blinds in the header: whole ones bare ({@code 1/2}), else both with cents ({@code 0.50/1.00}). */
    String stakes(Money smallBlind, Money bigBlind) {
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
