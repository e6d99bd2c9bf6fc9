/**
 * The game's side of the WebSocket: each connection's session (its {@code hello}, its player, the tables it talks to),
 * the players online with their connections, and the answers a session's requests got, so a request sent again is
 * answered as it was. It routes table messages to the tables' actors and tells them when a connection closes; it
 * imports the network edge ({@code net}), accounts and tables, and nothing imports it but the composition root and
 * the admin console (to tell a player their wallet changed).
 */
package io.chipledger.server.gateway;
