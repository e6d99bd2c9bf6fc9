/**
 * Table actors. Each table has one {@link io.chipledger.server.table.Mailbox}: one command at a time, and the ledger
 * commits a command's chip movements before its events are published. {@link io.chipledger.server.table.TableActor}
 * is a dispatcher: helpers with one job each (seats, who is away, the hand, the turn clock, operator commands, chat)
 * return what a command came to as an {@code Outcome}, and the actor sends it in one place, once the ledger's future
 * completed. Timers are commands sent to the same mailbox. Where a hand's chips live is a {@code HandChips}: the ledger at
 * a cash table, the tournament's own count at a sit-and-go's ({@link io.chipledger.server.table.TournamentPlay}).
 */
package io.chipledger.server.table;
