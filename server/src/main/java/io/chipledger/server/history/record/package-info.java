/**
 * A finished hand's full record, as stored (append-only, one JSON document per hand) and as exported: seats and
 * stacks, stakes and rake, every event with the ledger transfer that moved its chips, the board, the showdown, and
 * the deck's commitment and revealed seeds. {@link io.chipledger.server.history.record.HandHistoryRecorder} builds it
 * from the engine's events while the hand is played; {@link io.chipledger.server.history.record.HandHistory#seenBy}
 * hides what one player may not see. The JSON form is documented in docs/hand-history-json.md.
 */
package io.chipledger.server.history.record;
