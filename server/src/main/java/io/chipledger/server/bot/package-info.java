/**
 * Bots that play a running server over real WebSockets, as players would: the load of {@code poker-server bots}, the
 * demo bots, and the cluster harness, which has them follow moved tables and write down what the server acknowledged.
 */
package io.chipledger.server.bot;
