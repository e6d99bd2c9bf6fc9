package io.chipledger.server.cluster;

/**
 * Where a game node stands. {@code SILENT} is never stored: it is how a node that stopped heartbeating is listed (it
 * died, or is paused or cut off; its leases run out and other nodes take its tables).
 */
public enum NodeState {
    RUNNING, DRAINING, STOPPED, SILENT
}
