package io.chipledger.server.store;

import io.chipledger.money.Money;
import java.math.BigDecimal;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** The tables players can sit at, as an operator configured them. */
public interface PokerTableMapper {

    List<PokerTableRow> openTables();

    /** The tables operators closed, in id order. */
    List<PokerTableRow> closedTables();

    long insertTable(PokerTableRow row);

    int setStatus(@Param("id") long id, @Param("status") String status);

    /** One row of {@code poker_table}; {@code id} is ignored on insert; {@code variant} is a {@code Variant} code. */
    record PokerTableRow(long id, String name, String currency, Money smallBlind, Money bigBlind, Money ante, int seats,
                         Money minBuyIn, Money maxBuyIn, BigDecimal rakePercent, Money rakeCap, int actionSeconds,
                         int timeBankSeconds, String status, String variant) {
    }
}
