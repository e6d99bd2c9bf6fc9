package io.chipledger.server.tournament.play;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipledger.ledger.Account;
import io.chipledger.ledger.AccountKind;
import io.chipledger.money.Money;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.server.GameServer;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Live sit-and-gos for tests: a template whose blinds rise every few hands, bots that register, find the tournament's
 * table and play it, and what the ledger and the tournament's rows say when it is over.
 */
public final class SitAndGoTables {

    public static final Duration TO_THE_END = Duration.ofMinutes(4);

    private SitAndGoTables() {
    }

    /**
     * A template of {@code seats} (1500 starting chips, levels of {@code levelHands} hands from 10/20 up to 2000/4000
     * ante 500) and the id of its tournament registering.
     */
    public static long registering(TestServer server, String name, int seats, String buyIn, String fee, String payouts,
                            int levelHands) throws Exception {
        JsonNode template = server.adminPost("/api/admin/tournament-templates/create", "{\"name\":\"" + name + "\",\"seats\":"
                + seats + ",\"buyIn\":\"" + buyIn + "\",\"fee\":\"" + fee + "\",\"startingChips\":1500,\"levels\":["
                + "{\"smallBlind\":10,\"bigBlind\":20},{\"smallBlind\":25,\"bigBlind\":50},"
                + "{\"smallBlind\":50,\"bigBlind\":100,\"ante\":10},{\"smallBlind\":100,\"bigBlind\":200,\"ante\":25},"
                + "{\"smallBlind\":200,\"bigBlind\":400,\"ante\":50},{\"smallBlind\":500,\"bigBlind\":1000,\"ante\":100},"
                + "{\"smallBlind\":1000,\"bigBlind\":2000,\"ante\":250},{\"smallBlind\":2000,\"bigBlind\":4000,\"ante\":500}],"
                + "\"levelHands\":" + levelHands + ",\"actionSeconds\":5,\"timeBankSeconds\":0,"
                + "\"payouts\":\"" + payouts + "\",\"reason\":\"tests\",\"idempotencyKey\":\"" + TestServer.newKey() + "\"}");
        assertThat(template.has("template")).as(template.toString()).isTrue();
        long templateId = template.get("template").get("id").asLong();
        for (JsonNode t : TestServer.json(server.get("/api/tournaments?status=registering", null)).get("tournaments")) {
            if (t.get("templateId").asLong() == templateId) {
                return t.get("id").asLong();
            }
        }
        throw new AssertionError("no tournament of template " + templateId + " is registering");
    }

    public static void register(TestServer server, String player, long tournament) {
        try {
            register(server, player, tournament, "r-" + player);
        } catch (Exception e) {
            throw new AssertionError(player + " could not register", e);
        }
    }

    private static void register(TestServer server, String player, long tournament, String requestId) throws Exception {
        var answer = server.post("/api/tournament/register", server.token(player),
                "{\"tournamentId\":" + tournament + ",\"requestId\":\"" + requestId + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    public static JsonNode tournament(TestServer server, long id) throws Exception {
        return TestServer.json(server.get("/api/tournament?id=" + id, null)).get("tournament");
    }

    /** The table the running tournament is dealt at, once it has one. */
    public static long tableOf(TestServer server, long tournament) throws Exception {
        long[] table = {0};
        TestServer.eventually("tournament " + tournament + " is dealt at a table", () -> {
            try {
                JsonNode view = tournament(server, tournament);
                table[0] = view.get("tableId").asLong();
                return view.get("tableId").isNumber();
            } catch (Exception e) {
                return false;
            }
        });
        return table[0];
    }

    /** Each player connects, watches the tournament's table and plays every turn as {@code policy} says. */
    public static List<AutoPlayer> sitDown(TestServer server, List<String> players, long tableId,
                                           IntFunction<AutoPlayer.Policy> policy) throws Exception {
        return sitDown(connect(server, players), tableId, policy);
    }

    /**
     * Connects the players (a login each, slow on a busy machine): before the tournament starts, so that once its table
     * is dealt they all come to it at once, well within the time it waits for them.
     */
    public static List<PokerClient> connect(TestServer server, List<String> players) throws Exception {
        List<PokerClient> clients = new ArrayList<>();
        for (String player : players) {
            clients.add(server.connect(player));
        }
        return clients;
    }

    /** Each connected player watches the tournament's table and plays every turn as {@code policy} says. */
    public static List<AutoPlayer> sitDown(List<PokerClient> clients, long tableId, IntFunction<AutoPlayer.Policy> policy)
            throws Exception {
        List<AutoPlayer> bots = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            AutoPlayer bot = AutoPlayer.takeOver(clients.get(i), tableId, -1).play(policy.apply(i));
            bots.add(bot);
        }
        for (int i = 0; i < bots.size(); i++) {
            ServerMessage watched = bots.get(i).request(id -> new ClientMessage.Watch(id, tableId, null));
            assertThat(watched).as("player %d watches the table", i).isInstanceOf(ServerMessage.Done.class);
        }
        return bots;
    }

    /** Waits until the tournament is in {@code status} (FINISHED, CANCELLED), or fails after {@link #TO_THE_END}. */
    public static void awaitStatus(TestServer server, long tournament, String status) throws Exception {
        long deadline = System.nanoTime() + TO_THE_END.toNanos();
        while (!status.equals(tournament(server, tournament).get("status").asText())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("tournament " + tournament + " is not " + status + " after " + TO_THE_END
                        + ": " + tournament(server, tournament));
            }
            Thread.sleep(200);
        }
    }

    public static Money prizePool(TestServer server, long tournament) {
        return server.server().ledger().findAccount(AccountKind.PRIZE_POOL, "tournament:" + tournament, GameServer.CURRENCY)
                .map(Account::balance).orElse(Money.ZERO);
    }

    /** Each finisher as "name place-lastPlace prize", best first. */
    public static List<String> results(TestServer server, long tournament) {
        return server.rows("SELECT p.name || ' ' || e.place || '-' || e.last_place || ' ' || coalesce(e.prize::text, '-')"
                + " FROM tournament_entry e JOIN player p ON p.id = e.player_id WHERE e.tournament_id = " + tournament
                + " AND e.state = 'REGISTERED' ORDER BY e.place, e.tie_order");
    }
}
