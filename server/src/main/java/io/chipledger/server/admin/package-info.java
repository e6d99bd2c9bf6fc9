/**
 * The admin console's server side: JSON endpoints under {@code /api/admin} for operators (role ADMIN), and the services
 * behind them. Invariants held here: every endpoint is behind {@link io.chipledger.server.admin.AdminGuard}; every
 * action that changes anything is written to the append-only admin audit log before it takes effect and its outcome
 * after ({@link io.chipledger.server.admin.AuditedActions}); money moves only as ledger transfers with the cashier,
 * keyed by the operator's idempotency key, so a resent request moves nothing twice. Database work runs on the worker
 * executor, table work in the table's mailbox; nothing here blocks an event loop.
 */
package io.chipledger.server.admin;
