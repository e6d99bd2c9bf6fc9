package io.chipledger.server.table;

import io.chipledger.protocol.ServerMessage;

/**
 * News for a player rather than a table (their wallet changed), sent to every connection they have open, whichever
 * page or device: a table does not know its players' connections, only the ones watching it.
 */
@FunctionalInterface
public interface PlayerNews {

    /** Sends to each of the player's connections; none is fine (they are offline). */
    void send(long playerId, ServerMessage message);
}
