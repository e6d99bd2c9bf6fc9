/**
 * Hand evaluation: {@link io.chipledger.server.game.eval.HandEvaluator} is the entry point, backed by a
 * table-driven evaluator ({@code PerfectHashEvaluator}) whose tables are generated at class init from plain rules
 * ({@code BestFiveScorer}); Omaha's two-plus-three rule ({@code OmahaEvaluator}) reads the same tables. Both are
 * checked against {@link io.chipledger.server.game.eval.ReferenceEvaluator}, the slow obvious oracle.
 * {@link io.chipledger.server.game.eval.HandRanking} is the rule a game settles its showdown by. A strength is one
 * int, higher is stronger, equal is a tie, in the reference's encoding. Pure rules: no I/O, no clock, no allocation on
 * the evaluation path.
 */
package io.chipledger.server.game.eval;
