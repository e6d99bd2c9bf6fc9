package io.chipledger.server.admin;

import java.time.Instant;

/**
 * One admin action as the log shows it: the request (who, what, on what, why, when) joined with its outcome.
 * {@code outcome} is REQUESTED while no outcome was recorded; {@code request} and {@code reply} are JSON text.
 * {@code node}: the game node that carried it out (null for a server alone); {@code passedOnFrom}: the node whose
 * console the operator used, when it passed the request on.
 */
public record AdminLogEntry(long id, Instant recordedAt, Long adminId, String adminName, String action, String target,
                            String reason, String requestKey, String request, String outcome, Instant outcomeAt,
                            Integer replyStatus, String reply, String node, String passedOnFrom) {
}
