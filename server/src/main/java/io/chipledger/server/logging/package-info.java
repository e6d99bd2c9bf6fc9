/**
 * How the server's log lines look (text or JSON lines on stderr, through Logback) and what they carry besides the
 * message: the table and hand in the MDC while a table works, and the node's name as a context property.
 */
package io.chipledger.server.logging;
