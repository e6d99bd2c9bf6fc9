package io.chipledger.ledger.mapper;

import io.chipledger.money.Money;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.MappedTypes;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A column of amounts as one {@code numeric[]} parameter, for multi-row inserts through {@code unnest}. */
@MappedTypes(Money[].class)
public final class MoneyArrayTypeHandler extends BaseTypeHandler<Money[]> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, Money[] parameter, JdbcType jdbcType) throws SQLException {
        BigDecimal[] amounts = new BigDecimal[parameter.length];
        for (int k = 0; k < parameter.length; k++) {
            amounts[k] = parameter[k].amount();
        }
        ps.setArray(i, ps.getConnection().createArrayOf("numeric", amounts));
    }

    @Override
    public Money[] getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return toMoney(rs.getArray(columnName));
    }

    @Override
    public Money[] getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return toMoney(rs.getArray(columnIndex));
    }

    @Override
    public Money[] getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return toMoney(cs.getArray(columnIndex));
    }

    private static Money[] toMoney(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        Money[] money = new Money[values.length];
        for (int k = 0; k < values.length; k++) {
            money[k] = Money.of((BigDecimal) values[k]);
        }
        return money;
    }
}
