package io.chipledger.server.store;

import io.chipledger.server.table.UnfinishedHands;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Hand rows: opened before a hand's first chip moves, finished after its settlement committed. */
public interface HandMapper {

    long openHand(@Param("tableId") long tableId);

    int finishHand(@Param("id") long id, @Param("status") String status);

    /** Hands a crash left open, oldest first. */
    List<UnfinishedHands.OpenHand> openHands();

    /** The hands left open at one table, oldest first. */
    List<UnfinishedHands.OpenHand> openHandsAt(@Param("tableId") long tableId);
}
