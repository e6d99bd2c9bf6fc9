/** JSON endpoints under {@code /api}: registration and login, lobby, histories. Thin: each delegates to a service. */
package io.chipledger.server.api;
