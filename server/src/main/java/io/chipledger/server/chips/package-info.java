/**
 * How the game names its chips in the ledger: whose account ({@link io.chipledger.server.chips.OwnerRef}), which hand
 * ({@link io.chipledger.server.chips.HandRef}) and why a posting was made
 * ({@link io.chipledger.server.chips.PostingKey}, its idempotency key). Each is a small value with one text form,
 * built in one place and parsed in one place; the ledger itself only stores the text. Imports nothing of the server.
 */
package io.chipledger.server.chips;
