package io.chipledger.server.cluster;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** The node registry's statements; every time in them is the database's clock. */
public interface NodeMapper {

    /** Adds the node, or takes its row over (a restart under the same name): running, heartbeating from now. */
    void register(@Param("name") String name, @Param("url") String url);

    /**
     * Says the node is alive, in this state, unless an operator asked it to drain (then it stays DRAINING); returns the
     * state stored, or null when the row is gone.
     */
    String heartbeat(@Param("name") String name, @Param("state") String state);

    /** Asks a node that is not stopped to drain, at its next heartbeat; returns the rows changed (0 or 1). */
    int requestDrain(@Param("name") String name);

    /** Every node, with the table leases each holds unexpired; a node silent for longer than the bound is SILENT. */
    List<GameNode> all(@Param("silentAfterMillis") long silentAfterMillis);

    /** The URL of a node that is not stopped, or null. */
    String urlOf(@Param("name") String name);
}
