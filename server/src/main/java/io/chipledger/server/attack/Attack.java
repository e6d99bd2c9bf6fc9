package io.chipledger.server.attack;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipledger.money.Money;
import io.chipledger.protocol.ProtocolJson;
import io.chipledger.server.bot.PokerClient;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole attack, in order: the frame fuzzer (against the first table of the lobby, while whatever plays there
 * plays on), then a flood of silent sockets held while logins are flooded, {@code /health} timed throughout. Prints
 * each part's figures and the fuzz accounts' balance change, which must be 0. The phases' start times are printed so that
 * a probe in another process can tell them apart.
 */
public final class Attack {

    /** What to throw at the server. */
    public record Plan(String http, long frames, int connections, int perSecond, int idleSockets, int logins,
                       boolean timeHealth) {
    }

    private Attack() {
    }

    /** Runs the plan; true when every figure is what a sound server shows. */
    public static boolean run(Plan plan, PrintStream out) throws Exception {
        URI base = URI.create(plan.http());
        URI ws = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws");
        List<String> tokens = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String name = "fuzz-" + i;
            names.add(name);
            tokens.add(PokerClient.token(plan.http(), name, name + "-password"));
        }
        Money before = wallets(ws, tokens);
        long table = firstTable(plan.http());
        boolean sound;
        try (HealthProbe health = new HealthProbe(base.getPort())) {
            phase(health, "the fuzzer", out);
            FrameFuzzer fuzzer = new FrameFuzzer(ws, tokens, table);
            fuzzer.run(plan.frames(), plan.connections(), plan.perSecond());
            out.println(fuzzer.report());
            out.println("  " + fuzzer.unanswered());
            phase(health, "the idle flood", out);
            try (SocketFlood flood = new SocketFlood(base.getPort(), plan.idleSockets())) {
                phase(health, "the login flood", out);
                LoginFlood logins = new LoginFlood(base.getPort());
                logins.run("victim-" + System.currentTimeMillis() % 100_000, "victim-password-1", plan.logins(), 8);
                out.println(flood.report());
                out.println(logins.report());
            }
            if (plan.timeHealth()) {
                out.println(health.report());
            }
            sound = !plan.timeHealth() || health.stayedUnderASecond();
        }
        Money after = wallets(ws, tokens);
        Money change = after.minus(before);
        out.println("balance change of the fuzz accounts: " + change + (change.isZero() ? " (none, as it must be)" : " (MUST BE 0)"));
        return sound && change.isZero();
    }

    private static void phase(HealthProbe health, String name, PrintStream out) {
        health.phase(name);
        out.println("phase: " + name + " from " + Instant.now());
    }

    /** The fuzz accounts' wallets, as their welcome says. */
    private static Money wallets(URI ws, List<String> tokens) throws Exception {
        Money sum = Money.ZERO;
        for (String token : tokens) {
            try (PokerClient client = PokerClient.connect(ws.toString(), token, "w")) {
                sum = sum.plus(client.welcome().wallet());
            }
        }
        return sum;
    }

    private static long firstTable(String http) throws Exception {
        HttpResponse<String> lobby = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http + "/api/lobby")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode tables = ProtocolJson.mapper().readTree(lobby.body()).get("tables");
        return tables.isEmpty() ? 1 : tables.get(0).get("id").asLong();
    }
}
