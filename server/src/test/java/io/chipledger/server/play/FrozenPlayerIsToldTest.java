package io.chipledger.server.play;

import static io.chipledger.server.testing.TestServer.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An operator's freeze is told to the player with its reason: on the sockets open when it comes (in the close frame),
 * and in the welcome of every socket opened after it, so a player whose connection was down at that moment is told too.
 * A browser test once waited in vain for the reason when the freeze fell between a dropped socket and its reconnect.
 */
class FrozenPlayerIsToldTest {

    @RegisterExtension
    static final TestServer live = TestServer.forEachTestClass().withAdmin();

    private static final String TOLD = "account frozen by an operator: chargeback under review";

    @Test
    void aSocketOpenAtTheFreezeIsClosedWithTheReason() throws Exception {
        String token = live.token("sol");
        try (PokerClient sol = PokerClient.connect(live.ws(), token, "s")) {
            freeze("sol");

            eventually("the socket is closed", sol::isClosed);
            assertThat(sol.closeReason()).isEqualTo(TOLD);
        }
    }

    @Test
    void aPlayerWhoConnectsAfterTheFreezeIsToldInTheWelcome() throws Exception {
        String token = live.token("tam");
        freeze("tam");

        try (PokerClient tam = PokerClient.connect(live.ws(), token, "t")) {
            assertThat(tam.welcome().frozen()).isEqualTo(TOLD);
        }
    }

    @Test
    void aPlayerWhoIsNotFrozenHearsNothingOfIt() throws Exception {
        try (PokerClient uma = PokerClient.connect(live.ws(), live.token("uma"), "u")) {
            assertThat(uma.welcome().frozen()).isNull();
        }
    }

    @Test
    void aFreezeMadeThroughAnotherNodeReachesThisNodesSocketsAndSessions() throws Exception {
        String token = live.token("vic");
        try (PokerClient vic = PokerClient.connect(live.ws(), token, "v")) {
            // Another game node's console froze him: only the shared database knows.
            live.execute("UPDATE player SET frozen = true WHERE id = " + live.playerId("vic"));

            live.server().players().refreshFrozen();

            eventually("the socket is closed", vic::isClosed);
            assertThat(vic.closeReason()).isEqualTo("account frozen by an operator");
            assertThat(live.server().players().isFrozen(live.playerId("vic"))).isTrue();
        }
        live.execute("UPDATE player SET frozen = false WHERE id = " + live.playerId("vic"));
        live.server().players().refreshFrozen();
        assertThat(live.server().players().isFrozen(live.playerId("vic"))).as("unfrozen there too").isFalse();
    }

    private static void freeze(String name) throws Exception {
        var answer = live.adminPost("/api/admin/player/freeze", "{\"playerId\":" + live.playerId(name)
                + ",\"reason\":\"chargeback under review\",\"idempotencyKey\":\"" + TestServer.newKey() + "\"}");
        assertThat(answer.get("frozen").asBoolean()).isTrue();
    }
}
