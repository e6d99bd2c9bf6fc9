/**
 * The WebSocket protocol: {@link io.chipledger.protocol.ClientMessage} (requests),
 * {@link io.chipledger.protocol.ServerMessage} (replies and table traffic) and
 * {@link io.chipledger.protocol.TableEvent}, as sealed families of records encoded as JSON objects with a
 * {@code type} field. Money is always a JSON string. {@link io.chipledger.protocol.ProtocolJson} is the only codec.
 * The human-readable contract is docs/protocol.md.
 */
package io.chipledger.protocol;
