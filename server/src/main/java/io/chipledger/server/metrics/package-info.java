/**
 * Operational figures in the Prometheus text format at {@code GET /metrics}: counters, gauges and latency histograms
 * with no dependency, cheap enough to update on every action (a {@code LongAdder} per bucket).
 */
package io.chipledger.server.metrics;
