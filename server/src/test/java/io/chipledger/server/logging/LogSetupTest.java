package io.chipledger.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

/** The server's own logback.xml, loaded into a context of the test's: the text line, the JSON line, and the MDC. */
class LogSetupTest {

    /** Logs one line with the server's configuration into a fresh context; returns what reached stderr. */
    private static String logged(Format format, String node, Map<String, String> mdc) throws Exception {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogSetupTest.class.getResource("/logback.xml"));
            LogSetup.use(format == Format.JSON ? LogSetup.Format.JSON : LogSetup.Format.TEXT, context);
            if (node != null) {
                LogSetup.nameNode(node, context);
            }
            Logger log = context.getLogger("io.chipledger.server.table.TableActor");
            mdc.forEach(MDC::put);
            log.info("table 3: hand {} settled", 9);
        } finally {
            mdc.keySet().forEach(MDC::remove);
            context.stop();
            System.setErr(stderr);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private enum Format { TEXT, JSON }

    @Test
    void aTextLineCarriesTheTableAndHandFromTheMdc() throws Exception {
        String line = logged(Format.TEXT, null, Map.of("table", "3", "hand", "9"));

        assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z \\[[^]]+] INFO "
                + "io\\.chipledger\\.server\\.table\\.TableActor - \\[(table=3, hand=9|hand=9, table=3)] table 3: hand 9 settled\\R");
    }

    @Test
    void aLineWithoutMdcOrNodeHasNothingExtra() throws Exception {
        assertThat(logged(Format.TEXT, null, Map.of())).endsWith(" INFO io.chipledger.server.table.TableActor - table 3: hand 9 settled\n");
    }

    @Test
    void aNamedNodeIsOnEveryTextLine() throws Exception {
        assertThat(logged(Format.TEXT, "poker-2", Map.of())).contains("TableActor - node=poker-2 table 3: hand 9 settled");
    }

    @Test
    void jsonLinesCarryTheMessageTheMdcAndTheNode() throws Exception {
        String line = logged(Format.JSON, "poker-2", Map.of("table", "3", "hand", "9"));

        assertThat(line.lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("loggerName").asText()).isEqualTo("io.chipledger.server.table.TableActor");
        assertThat(json.get("formattedMessage").asText()).isEqualTo("table 3: hand 9 settled");
        assertThat(json.get("message").asText()).isEqualTo("table 3: hand {} settled");
        assertThat(json.get("mdc").get("table").asText()).isEqualTo("3");
        assertThat(json.get("mdc").get("hand").asText()).isEqualTo("9");
        assertThat(json.get("context").get("properties").get("node").asText()).isEqualTo("poker-2");
    }

    @Test
    void aTableExecutorsTasksSeeTheirTableInTheMdcAndLeaveNothingBehind() {
        AtomicReference<Map<String, String>> seen = new AtomicReference<>();
        Executor direct = Runnable::run;
        Executor table = MdcExecutor.around(direct, () -> Map.of("table", "7", "hand", "41"));

        table.execute(() -> seen.set(MDC.getCopyOfContextMap()));

        assertThat(seen.get()).containsEntry("table", "7").containsEntry("hand", "41");
        assertThat(MDC.get("table")).isNull();
    }
}
