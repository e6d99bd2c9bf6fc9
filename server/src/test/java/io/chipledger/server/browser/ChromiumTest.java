package io.chipledger.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.server.GameServer;
import io.chipledger.server.ServerSettings;
import org.junit.jupiter.api.Test;

/** The browser harness itself: the system Chromium loads a page the game server serves over loopback. */
class ChromiumTest {

    @Test
    void chromiumLoadsThePageTheServerServes() throws Exception {
        try (GameServer server = GameServer.start(SharedPostgres.freshDatabase(), ServerSettings.forTests());
             Chromium chromium = Chromium.launch()) {
            Page page = chromium.newPage();
            page.navigate("http://127.0.0.1:" + server.port() + "/health");

            assertThat(page.content()).contains("\"status\"");
        }
    }
}
