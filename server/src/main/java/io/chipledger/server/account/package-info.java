/**
 * Player accounts and sessions: passwords hashed with a slow KDF, session tokens stored only as hashes. Slow work here
 * runs on a worker executor, never on a Netty event loop.
 */
package io.chipledger.server.account;
