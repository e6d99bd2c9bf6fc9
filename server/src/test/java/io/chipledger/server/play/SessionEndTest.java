package io.chipledger.server.play;

import static io.chipledger.server.testing.TestServer.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.server.account.SessionTokens;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16: a session ends when it ends. An admin token that expired moved money for up to 30 s more (the session
 * cache served it); now the cache checks the expiry on every lookup. And the WebSockets opened with a session are
 * closed when it is logged out or expires, with a reason, while the same player's other sessions stay open.
 */
class SessionEndTest {

    @RegisterExtension
    static final TestServer live = TestServer.forEachTestClass().withAdmin();

    @Test
    void anExpiredAdminSessionMovesNoMoneyEvenWhileCached() throws Exception {
        live.token("pia");
        long pia = live.playerId("pia");
        String shortLived = "short-lived-admin-session-token-000000000001";
        live.execute("INSERT INTO player_session (token_hash, player_id, expires_at) VALUES ('" + SessionTokens.hashOf(shortLived)
                + "', " + live.playerId(TestServer.ADMIN) + ", now() + interval '3 seconds')");
        assertThat(live.get("/api/admin/player?id=" + pia, shortLived).statusCode()).as("cached while alive").isEqualTo(200);
        eventually("the session is past its end", () -> live.count(
                "SELECT count(*) FROM player_session WHERE token_hash = '" + SessionTokens.hashOf(shortLived) + "' AND expires_at < now()") == 1);

        var deposit = live.post("/api/admin/player/deposit", shortLived, "{\"playerId\":" + pia
                + ",\"amount\":\"7.00\",\"reason\":\"after expiry\",\"idempotencyKey\":\"" + TestServer.newKey() + "\"}");

        assertThat(deposit.statusCode()).isEqualTo(401);
        assertThat(live.wallet("pia")).isEqualTo(Money.parse("1000.00"));
    }

    @Test
    void aLogoutClosesTheSocketsOfThatSessionOnly() throws Exception {
        String first = live.token("quinn");
        String second = live.login("quinn", "quinn-password");
        try (PokerClient loggingOut = PokerClient.connect(live.ws(), first, "q1");
             PokerClient staying = PokerClient.connect(live.ws(), second, "q2")) {
            assertThat(live.post("/api/logout", first, "{}").statusCode()).isEqualTo(200);

            eventually("the logged-out session's socket is closed", loggingOut::isClosed);
            assertThat(staying.isClosed()).isFalse();
            assertThat(live.get("/api/hands", first).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aSocketIsClosedWhenItsSessionExpires() throws Exception {
        live.token("rita");
        String shortLived = "short-lived-player-session-token-0000000001";
        live.execute("INSERT INTO player_session (token_hash, player_id, expires_at) VALUES ('" + SessionTokens.hashOf(shortLived)
                + "', " + live.playerId("rita") + ", now() + interval '3 seconds')");
        try (PokerClient rita = PokerClient.connect(live.ws(), shortLived, "r")) {
            assertThat(rita.welcome()).isNotNull();
            eventually("the socket is closed at the session's end", rita::isClosed);
            assertThat(live.rows("SELECT 1 WHERE (SELECT expires_at FROM player_session WHERE token_hash = '"
                    + SessionTokens.hashOf(shortLived) + "') <= now()")).isEqualTo(List.of("1"));
        }
    }
}
