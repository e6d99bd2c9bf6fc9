package io.chipledger.ledger.mapper;

import io.chipledger.ledger.lease.LeaseMapper;
import io.chipledger.money.Money;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.apache.ibatis.type.ArrayTypeHandler;

import javax.sql.DataSource;

/** Builds the MyBatis session factory: the ledger's mappers, and Money mapped exactly to NUMERIC. */
public final class MyBatisConfiguration {

    private MyBatisConfiguration() {
    }

    public static SqlSessionFactory sessionFactory(DataSource dataSource) {
        Configuration configuration = new Configuration(
                new Environment("ledger", new JdbcTransactionFactory(), dataSource));
        configuration.setMapUnderscoreToCamelCase(true);
        // Every statement reads the database afresh: a retried batch must never see a cached row.
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
        configuration.setCacheEnabled(false);
        configuration.getTypeHandlerRegistry().register(Money.class, new MoneyTypeHandler());
        configuration.getTypeHandlerRegistry().register(Money[].class, new MoneyArrayTypeHandler());
        configuration.getTypeHandlerRegistry().register(Long[].class, ArrayTypeHandler.class);
        configuration.getTypeHandlerRegistry().register(Integer[].class, ArrayTypeHandler.class);
        configuration.getTypeHandlerRegistry().register(String[].class, ArrayTypeHandler.class);
        configuration.addMapper(AccountMapper.class);
        configuration.addMapper(TransferMapper.class);
        configuration.addMapper(AuditMapper.class);
        configuration.addMapper(LeaseMapper.class);
        return new SqlSessionFactoryBuilder().build(configuration);
    }
}
