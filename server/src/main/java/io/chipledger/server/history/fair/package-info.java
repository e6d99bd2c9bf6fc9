/**
 * The provably fair deck: a fresh server seed per hand from {@link java.security.SecureRandom}, committed to one hand
 * ahead so that client seeds sent against the commitment cannot have been known when the seed was drawn; the deck is
 * {@link io.chipledger.server.game.SeededShuffle} of the seed, the hand id and the client seeds; and the check of an
 * exported history against all that ({@link io.chipledger.server.history.fair.ShuffleVerifier}).
 */
package io.chipledger.server.history.fair;
