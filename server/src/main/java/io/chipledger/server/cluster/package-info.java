/**
 * Game nodes sharing one database: who they are ({@link io.chipledger.server.cluster.NodeIdentity}), the registry
 * where they heartbeat ({@link io.chipledger.server.cluster.NodeRegistry}), and which node owns which table under the
 * ledger's leases.
 */
package io.chipledger.server.cluster;
