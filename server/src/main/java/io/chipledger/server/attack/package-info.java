/**
 * Attacks a running server from outside, as issue 16's tester did, and measures what it withstood: a WebSocket
 * frame fuzzer, a flood of silent sockets, a login flood, and a health probe timing {@code /health} meanwhile.
 */
package io.chipledger.server.attack;
