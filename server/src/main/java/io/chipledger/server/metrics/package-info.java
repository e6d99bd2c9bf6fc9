/**
 * Operational figures at {@code GET /metrics} in the Prometheus text format, through Micrometer: the game's counters,
 * gauges and latency histograms under their long-standing names, the JVM's, the database pool's and Netty's.
 */
package io.chipledger.server.metrics;
