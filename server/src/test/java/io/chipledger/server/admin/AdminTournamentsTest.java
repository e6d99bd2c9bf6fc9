package io.chipledger.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipledger.server.testing.TestServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tournament templates over the admin API: rules that cannot be played are refused with the reason and store nothing,
 * a template created twice with one key is created once, each active template always has a tournament registering,
 * and a retired one opens no new tournament once its last fills.
 */
class AdminTournamentsTest {

    @RegisterExtension
    static final TestServer fixture = TestServer.forEachTestClass().withAdmin();

    private static String template(String name, String extra, String key) {
        return "{\"name\":\"" + name + "\",\"seats\":2,\"buyIn\":\"1.00\",\"fee\":\"0.10\",\"startingChips\":1000,"
                + "\"levels\":[{\"smallBlind\":10,\"bigBlind\":20}]," + extra + ",\"reason\":\"tests\",\"idempotencyKey\":\"" + key + "\"}";
    }

    private static long registeringOf(long templateId) throws Exception {
        long found = 0;
        for (JsonNode t : fixture.adminGet("/api/admin/tournaments?status=registering").get("tournaments")) {
            found = t.get("templateId").asLong() == templateId ? t.get("id").asLong() : found;
        }
        return found;
    }

    @Test
    void rulesThatCannotBePlayedAreRefusedWithTheReasonAndNothingIsStored() throws Exception {
        long templates = fixture.count("SELECT count(*) FROM tournament_template");
        String[][] cases = {
                {"\"levelHands\":5,\"payouts\":\"65/30\"", "adds up to 100%, not 95%"},
                {"\"levelHands\":5,\"levelSeconds\":60,\"payouts\":\"100\"", "one of the two"},
                {"\"levelHands\":5,\"payouts\":\"65/35\"", "pays fewer places than it has seats"},
                {"\"payouts\":\"100\"", "one of the two"}};
        for (String[] c : cases) {
            HttpResponse<String> response = fixture.post("/api/admin/tournament-templates/create", fixture.adminToken(),
                    template("Bad", c[0], TestServer.newKey()));
            assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(TestServer.json(response).get("error").get("message").asText()).as(c[0]).contains(c[1]);
        }
        assertThat(fixture.count("SELECT count(*) FROM tournament_template")).isEqualTo(templates);
    }

    @Test
    void aTemplateSentTwiceWithOneKeyIsCreatedOnceAndOpensOneTournament() throws Exception {
        String body = template("Heads-up", "\"levelHands\":5,\"payouts\":\"100\"", "heads-up-once");
        JsonNode first = fixture.adminPost("/api/admin/tournament-templates/create", body);
        JsonNode again = fixture.adminPost("/api/admin/tournament-templates/create", body);

        long id = first.get("template").get("id").asLong();
        assertThat(again.get("replayed").asBoolean()).isTrue();
        assertThat(again.get("template").get("id").asLong()).isEqualTo(id);
        assertThat(fixture.count("SELECT count(*) FROM tournament WHERE template_id = " + id)).isEqualTo(1);
        JsonNode listed = fixture.adminGet("/api/admin/tournament-templates").get("templates");
        assertThat(listed.findValues("name").stream().map(JsonNode::asText)).contains("Heads-up");
        JsonNode tournament = fixture.adminGet("/api/admin/tournament?id=" + registeringOf(id)).get("tournament");
        assertThat(tournament.get("prizePool").asText()).isEqualTo("2.00");
        assertThat(tournament.get("blinds").get("bigBlind").asLong()).isEqualTo(20);
        assertThat(tournament.get("levelPace").asText()).isEqualTo("5 hands");
    }

    @Test
    void aRetiredTemplateOpensNoNewTournamentWhenItsLastOneFills() throws Exception {
        long id = fixture.adminPost("/api/admin/tournament-templates/create",
                template("Short-lived", "\"levelSeconds\":120,\"payouts\":\"100\"", "short-lived")).get("template").get("id").asLong();
        long last = registeringOf(id);
        JsonNode retired = fixture.adminPost("/api/admin/tournament-template/retire",
                "{\"templateId\":" + id + ",\"reason\":\"tests\",\"idempotencyKey\":\"retire-short-lived\"}");
        assertThat(retired.get("template").get("active").asBoolean()).isFalse();

        for (String player : new String[] {"uma", "vic"}) {
            fixture.post("/api/tournament/register", fixture.token(player), "{\"tournamentId\":" + last + ",\"requestId\":\"r\"}");
        }

        assertThat(fixture.adminGet("/api/admin/tournament?id=" + last).get("tournament").get("status").asText()).isEqualTo("RUNNING");
        assertThat(registeringOf(id)).isZero();
        assertThat(fixture.count("SELECT count(*) FROM tournament WHERE template_id = " + id)).isEqualTo(1);
    }
}
