package io.chipledger.ledger.lease;

import io.chipledger.ledger.Fence;
import org.apache.ibatis.annotations.Param;

import java.util.List;

/** The lease statements; every time in them is the database's clock. */
public interface LeaseMapper {

    /** Claims the lease if it is free or {@code holder} held it; returns the new epoch, or null when it is taken. */
    Long claim(@Param("name") String name, @Param("holder") String holder, @Param("ttlMillis") long ttlMillis);

    /** Extends each of these leases that {@code holder} still holds at that epoch; returns those extended. */
    List<Fence> renew(@Param("holder") String holder, @Param("names") String[] names, @Param("epochs") Long[] epochs,
                      @Param("ttlMillis") long ttlMillis);

    /** Ends the lease now if {@code holder} still holds it at that epoch; returns the rows changed (0 or 1). */
    int release(@Param("holder") String holder, @Param("name") String name, @Param("epoch") long epoch);

    List<Lease> all();

    Lease find(@Param("name") String name);

    /** The epoch the lease stands at, its row read FOR SHARE until the transaction ends; null if there is none. */
    Long standingEpoch(@Param("name") String name);
}
