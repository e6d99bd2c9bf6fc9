package io.chipledger.server.bot;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipledger.protocol.ProtocolJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bots that keep sit-and-gos filled on a running server, over HTTP and real WebSockets as players: each of a number of
 * slots registers a table's worth of bot accounts in a template's tournament now registering, plays it at its table to
 * the end, and starts over, until the time is up. Counts the tournaments finished and the actions played.
 */
public final class SitAndGoFleet {

    private static final Duration REPLY = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(250);

    private final String wsUrl;
    private final String httpBase;
    private final String namePrefix;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicLong finished = new AtomicLong();
    private final AtomicLong actions = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    /** Registrations go one tournament at a time: two slots filling the same one would be refused as FULL. */
    private final Object registering = new Object();

    public SitAndGoFleet(String wsUrl) {
        this.wsUrl = wsUrl;
        this.httpBase = wsUrl.replaceFirst("^ws", "http").replaceFirst("/ws$", "");
        this.namePrefix = "sng" + HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
    }

    /** The template of the oldest tournament registering now, with its seats, or null when none is. */
    public Template firstTemplate() throws IOException, InterruptedException {
        JsonNode list = get("/api/tournaments?status=registering").get("tournaments");
        JsonNode oldest = null;
        for (JsonNode t : list) {
            oldest = t;
        }
        return oldest == null ? null : new Template(oldest.get("templateId").asLong(), oldest.get("name").asText(),
                oldest.get("seats").asInt());
    }

    /** A tournament template: its id, name and seats. */
    public record Template(long id, String name, int seats) {
    }

    /**
     * Keeps {@code slots} sit-and-gos of {@code template} going for {@code duration}: each slot fills one, plays it to
     * the end, and fills the next. Returns once every slot's last tournament is over (or failed).
     */
    public void run(Template template, int slots, Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int slot = 0; slot < slots; slot++) {
            int number = slot;
            Thread thread = new Thread(() -> {
                List<String> tokens = new ArrayList<>();
                try {
                    for (int seat = 0; seat < template.seats(); seat++) {
                        String name = namePrefix + "-" + number + "-" + seat;
                        tokens.add(PokerClient.token(httpBase, name, "bot-password-" + name));
                    }
                    for (int round = 0; System.nanoTime() < deadline; round++) {
                        playOne(template, tokens, number * 1_000_003L + round);
                        finished.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    errors.incrementAndGet();
                    System.err.println("sit-and-go slot " + number + " stopped: " + e);
                }
            }, "sng-slot-" + slot);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    public long finished() {
        return finished.get();
    }

    public long actions() {
        return actions.get();
    }

    public long errors() {
        return errors.get();
    }

    /** Registers the slot's accounts in the template's tournament registering, plays it to the end. */
    private void playOne(Template template, List<String> tokens, long seed) throws Exception {
        long tournament;
        synchronized (registering) {
            tournament = registeringOf(template.id());
            for (String token : tokens) {
                HttpResponse<String> answer = post("/api/tournament/register", token, "{\"tournamentId\":" + tournament
                        + ",\"requestId\":\"" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8)) + "\"}");
                if (answer.statusCode() != 200) {
                    throw new IOException("registering in tournament " + tournament + ": " + answer.body());
                }
            }
        }
        long tableId = await(tournament, view -> view.get("tableId").isNumber()).get("tableId").asLong();
        List<PokerClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < tokens.size(); i++) {
                PokerClient client = PokerClient.connect(wsUrl, tokens.get(i), namePrefix + "-t" + tableId + "-" + i);
                clients.add(client);
                new SitAndGoBot(client, tableId, seed * 31 + i, actions).play();
            }
            await(tournament, view -> view.get("status").asText().matches("FINISHED|CANCELLED"));
        } finally {
            clients.forEach(PokerClient::close);
        }
    }

    private long registeringOf(long templateId) throws Exception {
        long deadline = System.nanoTime() + REPLY.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode t : get("/api/tournaments?status=registering").get("tournaments")) {
                if (t.get("templateId").asLong() == templateId && t.get("registered").asInt() == 0) {
                    return t.get("id").asLong();
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IOException("no empty tournament of template " + templateId + " opened within " + REPLY);
    }

    /** Polls the tournament until {@code done} says so; fails after a long while (a tournament can take minutes). */
    private JsonNode await(long tournament, java.util.function.Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode view = get("/api/tournament?id=" + tournament).get("tournament");
            if (done.test(view)) {
                return view;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IOException("tournament " + tournament + " did not get there in 30 minutes");
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(httpBase + path)).timeout(REPLY).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return ProtocolJson.mapper().readTree(response.body());
    }

    private HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(httpBase + path)).timeout(REPLY)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
