package io.chipledger.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * deploy/poker-server.service: systemd accepts it ({@code systemd-analyze verify}, where systemd's tools are installed),
 * it keeps its hardening, it stops the way the server needs, and the settings it gives are options {@code serve} has.
 */
class SystemdUnitTest {

    private static final Path UNIT = Path.of("..", "deploy", "poker-server.service");

    private static List<String> settings() throws Exception {
        return Files.readAllLines(UNIT).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void systemdAcceptsTheUnit() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        Assumptions.assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed here");
        Process verify = new ProcessBuilder(analyze.toString(), "verify", UNIT.toAbsolutePath().normalize().toString())
                .redirectErrorStream(true).start();
        String said = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(verify.exitValue()).as(said).isZero();
        assertThat(said).as("no warning either").isBlank();
    }

    @Test
    void theServiceRunsServeUnprivilegedOnAReadOnlySystem() throws Exception {
        assertThat(settings()).contains("User=poker", "NoNewPrivileges=yes", "CapabilityBoundingSet=", "ProtectSystem=strict",
                        "ProtectHome=yes", "PrivateTmp=yes", "PrivateDevices=yes", "RestrictNamespaces=yes",
                        "SystemCallFilter=@system-service", "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6", "UMask=0077")
                .anyMatch(line -> line.startsWith("ExecStart=/usr/bin/java ") && line.endsWith(" serve"))
                .as("the JIT compiler writes the code it runs").noneMatch(line -> line.startsWith("MemoryDenyWriteExecute="));
    }

    @Test
    void stoppingSignalsTheServerAloneAndWaitsForItsCleanStop() throws Exception {
        assertThat(settings()).contains("KillMode=mixed", "KillSignal=SIGTERM", "SuccessExitStatus=143")
                .anyMatch(line -> line.matches("TimeoutStopSec=\\d+") && Integer.parseInt(line.split("=")[1]) >= 60);
    }

    @Test
    void everyVariableTheUnitSetsIsAnOptionOfServe() throws Exception {
        Terminal terminal = Terminal.of(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()),
                Map.of());
        CommandLine serve = PokerServer.commandLine(terminal).getSubcommands().get("serve");
        List<String> variables = serve.getCommandSpec().options().stream().filter(o -> o.longestName().startsWith("--"))
                .map(o -> EnvironmentDefaults.variable(o.longestName())).toList();
        List<String> set = settings().stream().filter(l -> l.startsWith("Environment=POKER_"))
                .map(l -> l.substring("Environment=".length(), l.indexOf('=', "Environment=".length()))).toList();

        assertThat(set).isNotEmpty();
        assertThat(variables).containsAll(set);
    }
}
