/**
 * The poker rules, pure: cards, the deck, hand evaluation ({@code eval}) and the hand state machine of the hold'em
 * games, No-Limit Texas Hold'em and Pot-Limit Omaha ({@code holdem}). Nothing here touches Netty, JDBC, Jackson, a
 * clock or a random source of its own: randomness is injected into {@link io.chipledger.server.game.Deck}, and cards
 * are dealt into a hand by its caller.
 */
package io.chipledger.server.game;
