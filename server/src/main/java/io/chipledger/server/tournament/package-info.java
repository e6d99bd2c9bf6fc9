/**
 * Sit-and-go tournaments, pure: their rules ({@link io.chipledger.server.tournament.TournamentRules}: seats, buy-in and
 * fee, starting chips, blind levels, payout table, clocks), their life cycle
 * ({@link io.chipledger.server.tournament.SitAndGo}: registering, running, finished or cancelled), the places players
 * finish in ({@link io.chipledger.server.tournament.Standings}, Robert's Rules for players busting in the same hand) and
 * the prizes those places win ({@link io.chipledger.server.tournament.Prizes}, to the cent). Tournament chips are whole
 * numbers and not money; prizes are. Nothing here touches the network, a database, JSON or a clock: the time a level
 * has run is given by the caller, and the I/O lives in {@code tournament.director}.
 */
package io.chipledger.server.tournament;
