package io.chipledger.server.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.LoggerFactory;

/**
 * Switches the log configured in {@code logback.xml} at start-up: its console appender to Logback's JSON encoder (one
 * JSON object a line, with the MDC and the context's properties, for a log shipper), and the node's name that every
 * line carries. Without Logback underneath (a tool embedding the server), it does nothing.
 */
public final class LogSetup {

    /** The name of the appender {@code logback.xml} defines. */
    static final String CONSOLE = "console";

    private LogSetup() {
    }

    /** Text lines (the default) or JSON lines. */
    public enum Format {
        TEXT, JSON
    }

    /** Writes every following line in {@code format}. */
    public static void use(Format format) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            use(format, context);
        }
    }

    static void use(Format format, LoggerContext context) {
        if (format == Format.TEXT) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(CONSOLE) instanceof OutputStreamAppender<ILoggingEvent> console) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            // The line as a person reads it, beside the template and its arguments that a search can group by.
            json.setWithFormattedMessage(true);
            json.start();
            console.stop();
            console.setEncoder(json);
            console.start();
        }
    }

    /** Every following line names this node (property {@code node}: in JSON under context.properties, in text as node=). */
    public static void nameNode(String node) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            nameNode(node, context);
        }
    }

    static void nameNode(String node, LoggerContext context) {
        context.putProperty("node", node == null ? "" : node);
    }
}
