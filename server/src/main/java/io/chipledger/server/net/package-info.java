/**
 * The Netty pipeline: one listening socket for HTTP (health, the static web client, JSON endpoints) and WebSocket.
 * Handlers here are thin and never block an event loop: they decode, hand work to the table actors or a worker
 * executor, and write the answer when it completes.
 */
package io.chipledger.server.net;
