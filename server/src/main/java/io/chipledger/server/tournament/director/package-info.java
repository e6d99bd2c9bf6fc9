/**
 * Running sit-and-gos: {@link io.chipledger.server.tournament.director.TournamentDirector} keeps one
 * {@link io.chipledger.server.tournament.director.TournamentActor} per tournament not over (one mailbox each, one
 * command at a time) and a tournament registering per active template. Money moves only through
 * {@link io.chipledger.server.tournament.director.EntryCashier}'s ledger postings, each keyed by an entry or a tournament;
 * {@link io.chipledger.server.tournament.director.TournamentRecords} stores what those postings are for before they are
 * made, so a restart posts again under the same keys what a crash cut short, and nothing moves twice.
 */
package io.chipledger.server.tournament.director;
