package io.chipledger.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.chipledger.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signing up on a phone: the form says what a valid name and password are before anything is typed, a name or a
 * password outside the rules is refused in the page with the rule (nothing sent), and one within them signs up.
 */
class SignUpRulesTest {

    @RegisterExtension
    static final TestServer room = TestServer.forEachTestClass().withBrowser();

    @Test
    void theFormSaysWhatAValidNameAndPasswordAreAndHoldsToIt() {
        BrowserPlayer newcomer = BrowserPlayer.open(room.chromium(), room.http(), "newcomer", 375, 667);
        Page page = newcomer.page;
        List<String> sent = new ArrayList<>();
        page.onRequest(request -> {
            if (request.url().contains("/api/register") || request.url().contains("/api/login")) {
                sent.add(request.url());
            }
        });
        page.locator("#login-form").waitFor();
        assertThat(page.locator("#name-rule").textContent()).isEqualTo("3 to 20 letters, digits, _ or -");
        assertThat(page.locator("#password-rule").textContent()).isEqualTo("8 to 128 characters");
        assertThat(page.locator("#name-rule").isVisible()).isTrue();
        assertThat(page.locator("#password-rule").isVisible()).isTrue();

        page.locator("#login-name").fill("al ice");
        page.locator("#login-password").fill("long enough");
        page.locator("#sign-up").click();
        assertThat(page.locator("#login-error").textContent()).isEqualTo("A name is 3 to 20 letters, digits, _ or -.");

        page.locator("#login-name").fill("alice_19");
        page.locator("#login-password").fill("short");
        page.locator("#sign-up").click();
        assertThat(page.locator("#login-error").textContent()).isEqualTo("A password is 8 to 128 characters.");
        assertThat(sent).as("nothing outside the rules is sent").isEmpty();

        page.locator("#login-password").fill("long enough");
        page.locator("#sign-up").click();
        page.locator("#lobby").waitFor();
        assertThat(sent).hasSize(1);
        assertThat(newcomer.consoleErrors()).isEmpty();
        newcomer.close();
    }
}
