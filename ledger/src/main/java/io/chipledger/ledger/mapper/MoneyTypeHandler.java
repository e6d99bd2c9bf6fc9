package io.chipledger.ledger.mapper;

import io.chipledger.money.Money;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.MappedJdbcTypes;
import org.apache.ibatis.type.MappedTypes;

import java.math.BigDecimal;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Money to and from NUMERIC, exactly: a column value finer than a cent fails loudly instead of being rounded. */
@MappedTypes(Money.class)
@MappedJdbcTypes(value = JdbcType.NUMERIC, includeNullJdbcType = true)
public final class MoneyTypeHandler extends BaseTypeHandler<Money> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, Money parameter, JdbcType jdbcType) throws SQLException {
        ps.setBigDecimal(i, parameter.amount());
    }

    @Override
    public Money getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return toMoney(rs.getBigDecimal(columnName));
    }

    @Override
    public Money getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return toMoney(rs.getBigDecimal(columnIndex));
    }

    @Override
    public Money getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return toMoney(cs.getBigDecimal(columnIndex));
    }

    private static Money toMoney(BigDecimal value) {
        return value == null ? null : Money.of(value);
    }
}
