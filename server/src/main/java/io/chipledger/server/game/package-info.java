/**
 * The poker rules, pure: cards, the deck, hand evaluation ({@code eval}) and the No-Limit Hold'em hand state machine
 * ({@code holdem}). Nothing here touches Netty, JDBC, Jackson, a clock or a random source of its own: randomness is
 * injected into {@link io.chipledger.server.game.Deck}, and cards are dealt into a hand by its caller.
 */
package io.chipledger.server.game;
