package io.chipledger.server.cli;

import io.chipledger.server.attack.Attack;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code poker-server attack --url http://HOST:PORT}: attacks a running server from outside (issue 16) and prints
 * what it withstood; exits 1 when {@code /health} did not stay under a second or a fuzz account's balance changed.
 * Docs/attack.sh runs it against a server under a low descriptor limit, with bots playing, then audits the ledger.
 */
@Command(name = "attack", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = "Fuzz, flood and brute-force a running server from loopback and report what it withstood.")
final class AttackCommand implements Callable<Integer> {

    @Option(names = "--url", required = true, paramLabel = "http://HOST:PORT", description = "the server (on this machine)")
    private String url;

    @Option(names = "--frames", defaultValue = "1000000", paramLabel = "N", description = "hostile WebSocket frames to send")
    private long frames;

    @Option(names = "--connections", defaultValue = "500", paramLabel = "N", description = "WebSockets they are spread over")
    private int connections;

    @Option(names = "--per-second", defaultValue = "20", paramLabel = "N", description = "frames a second on each WebSocket")
    private int perSecond;

    @Option(names = "--idle-sockets", defaultValue = "5000", paramLabel = "N", description = "silent connections to hold")
    private int idleSockets;

    @Option(names = "--logins", defaultValue = "2000", paramLabel = "N", description = "password guesses to send")
    private int logins;

    @Option(names = "--time-health", defaultValue = "true", arity = "1", paramLabel = "true|false",
            description = "time /health from this process; docs/attack.sh turns it off and times it from a lighter process,"
                    + " since this one's own pauses under the flood count against the server here")
    private boolean timeHealth;

    private final Terminal terminal;

    AttackCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        boolean sound = Attack.run(new Attack.Plan(url.replaceAll("/+$", ""), frames, connections, perSecond, idleSockets,
                logins, timeHealth), terminal.out());
        terminal.out().flush();
        return sound ? 0 : 1;
    }
}
