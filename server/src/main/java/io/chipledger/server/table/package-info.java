/**
 * Table actors. Each table has one {@link io.chipledger.server.table.Mailbox}: one command at a time, and the ledger
 * commits a command's chip movements before its events are published. Timers are commands sent to the same mailbox.
 */
package io.chipledger.server.table;
