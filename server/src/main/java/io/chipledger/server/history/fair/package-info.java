/**
 * Checking a provably fair deck after the fact: an exported hand history's deck re-derived from its revealed server
 * seed, hand id and client seeds ({@link io.chipledger.server.game.SeededShuffle}) and held against every card the
 * history states ({@link io.chipledger.server.history.fair.ShuffleVerifier}). The decks themselves are drawn where the
 * table deals ({@link io.chipledger.server.table.ProvablyFairDeckSource}).
 */
package io.chipledger.server.history.fair;
