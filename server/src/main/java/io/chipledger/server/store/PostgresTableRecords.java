package io.chipledger.server.store;

import io.chipledger.money.Money;
import io.chipledger.money.RakeRule;
import io.chipledger.server.game.holdem.Ante;
import io.chipledger.server.game.holdem.Stakes;
import io.chipledger.server.game.holdem.Variant;
import io.chipledger.server.table.TableConfig;
import io.chipledger.server.table.TableRecords;
import io.chipledger.server.table.TableStatus;
import java.time.Duration;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** {@link TableRecords} in the {@code poker_table} table, one row a table; blocking. */
public final class PostgresTableRecords implements TableRecords {

    private final Transactions transactions;

    public PostgresTableRecords(SqlSessionFactory database) {
        this.transactions = new Transactions(database, Runnable::run);
    }

    @Override
    public List<StoredTable> notClosed() {
        return transactions.now(session -> tables(session).openTables().stream()
                .map(row -> new StoredTable(configOf(row), TableStatus.valueOf(row.status()))).toList());
    }

    @Override
    public List<StoredTable> closed() {
        return transactions.now(session -> tables(session).closedTables().stream()
                .map(row -> new StoredTable(configOf(row), TableStatus.CLOSED)).toList());
    }

    @Override
    public long insert(TableConfig settings, TableStatus status) {
        return transactions.now(session -> tables(session).insertTable(rowOf(settings, status)));
    }

    @Override
    public void setStatus(long tableId, TableStatus status) {
        transactions.now(session -> tables(session).setStatus(tableId, status.name()));
    }

    private static PokerTableMapper tables(SqlSession session) {
        return session.getMapper(PokerTableMapper.class);
    }

    static TableConfig configOf(PokerTableMapper.PokerTableRow row) {
        Stakes stakes = Stakes.blinds(row.smallBlind(), row.bigBlind());
        if (row.ante().isPositive()) {
            stakes = stakes.withAnte(new Ante.Uniform(row.ante()));
        }
        RakeRule rake = row.rakePercent().signum() == 0 ? RakeRule.NONE : new RakeRule(row.rakePercent(), row.rakeCap(), true);
        return new TableConfig(row.id(), row.name(), row.currency(), stakes, row.seats(), row.minBuyIn(), row.maxBuyIn(),
                rake, Duration.ofSeconds(row.actionSeconds()), Duration.ofSeconds(row.timeBankSeconds()),
                Variant.ofCode(row.variant()));
    }

    /** The row of a table's settings; a table stores a uniform ante or none. */
    static PokerTableMapper.PokerTableRow rowOf(TableConfig config, TableStatus status) {
        Ante ante = config.stakes().ante();
        if (!(ante instanceof Ante.Uniform) && !(ante instanceof Ante.None)) {
            throw new IllegalArgumentException("a table stores a uniform ante or none, not " + ante);
        }
        Money anteAmount = ante instanceof Ante.Uniform uniform ? uniform.amount() : Money.ZERO;
        return new PokerTableMapper.PokerTableRow(config.id(), config.name(), config.currency(),
                config.stakes().smallBlind(), config.stakes().bigBlind(), anteAmount, config.seatCount(),
                config.minBuyIn(), config.maxBuyIn(), config.rake().percent(), config.rake().cap(),
                (int) config.actionTime().toSeconds(), (int) config.timeBank().toSeconds(), status.name(),
                config.variant().code());
    }
}
