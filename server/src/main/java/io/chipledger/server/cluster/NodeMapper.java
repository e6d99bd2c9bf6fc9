package io.chipledger.server.cluster;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** The node registry's statements; every time in them is the database's clock. */
public interface NodeMapper {

    /** Adds the node, or takes its row over (a restart under the same name): running, heartbeating from now. */
    void register(@Param("name") String name, @Param("url") String url);

    /** Says the node is alive, in this state; returns the rows changed (0: the row is gone). */
    int heartbeat(@Param("name") String name, @Param("state") String state);

    /** Every node, with the table leases each holds unexpired; a node silent for longer than the bound is SILENT. */
    List<GameNode> all(@Param("silentAfterMillis") long silentAfterMillis);

    /** The URL of a node that is not stopped, or null. */
    String urlOf(@Param("name") String name);
}
