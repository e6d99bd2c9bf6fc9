package io.chipledger.ledger.postgres;

import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.mapper.IdBlock;
import io.chipledger.ledger.mapper.TransferMapper;
import io.chipledger.ledger.testing.SharedPostgres;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IdReserveTest {

    private static Database database;

    @BeforeAll
    static void open() {
        database = SharedPostgres.freshDatabase();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void idsAreHandedOutOnceEachInSequenceOrderAcrossRefills() {
        IdReserve reserve = new IdReserve(3);
        List<Long> postings = new ArrayList<>();
        List<Long> transfers = new ArrayList<>();
        try (SqlSession session = database.sqlSessionFactory().openSession(true)) {
            TransferMapper mapper = session.getMapper(TransferMapper.class);
            for (int[] ask : new int[][] {{1, 2}, {2, 1}, {1, 3}, {0, 1}, {3, 3}, {1, 1}}) {
                IdBlock block = reserve.take(ask[0], ask[1], mapper);
                assertThat(block.postingIds()).hasSize(ask[0]);
                assertThat(block.transferIds()).hasSize(ask[1]);
                postings.addAll(Arrays.asList(block.postingIds()));
                transfers.addAll(Arrays.asList(block.transferIds()));
            }
        }

        assertThat(postings).doesNotHaveDuplicates().isSorted().hasSize(8);
        assertThat(transfers).doesNotHaveDuplicates().isSorted().hasSize(11);
    }

    @Test
    void aBatchLargerThanABlockGetsAllTheIdsItNeeds() {
        IdReserve reserve = new IdReserve(2);
        try (SqlSession session = database.sqlSessionFactory().openSession(true)) {
            IdBlock block = reserve.take(5, 9, session.getMapper(TransferMapper.class));

            assertThat(block.postingIds()).hasSize(5).doesNotHaveDuplicates();
            assertThat(block.transferIds()).hasSize(9).doesNotHaveDuplicates();
        }
    }
}
