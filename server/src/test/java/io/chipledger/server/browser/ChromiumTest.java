package io.chipledger.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.chipledger.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/** The browser harness itself: the system Chromium loads a page the game server serves over loopback. */
class ChromiumTest {

    @Test
    void chromiumLoadsThePageTheServerServes() throws Exception {
        try (TestServer server = TestServer.forThisTest().withBrowser().start()) {
            Page page = server.chromium().newPage();
            page.navigate(server.http() + "/health");

            assertThat(page.content()).contains("\"status\"");
        }
    }
}
