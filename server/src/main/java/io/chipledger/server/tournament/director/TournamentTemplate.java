package io.chipledger.server.tournament.director;

import io.chipledger.server.tournament.TournamentRules;

/** A template as stored: the rules every sit-and-go made from it plays by, and whether new ones are still made. */
public record TournamentTemplate(long id, TournamentRules rules, boolean active) {
}
