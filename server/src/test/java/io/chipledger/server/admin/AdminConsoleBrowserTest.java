package io.chipledger.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.chipledger.money.Money;
import io.chipledger.server.testing.Chromium;
import io.chipledger.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The admin console in headless Chromium against a real server: an admin logs in at /admin, opens a table, deposits
 * to a player and runs the ledger audit, which passes. What the page showed is checked against the database.
 */
class AdminConsoleBrowserTest {

    private static final double WAIT_MS = TestServer.WAIT.toMillis();

    @Test
    void anAdminLogsInOpensATableDepositsToAPlayerAndSeesTheAuditPass() throws Exception {
        try (TestServer fixture = TestServer.forThisTest().withAdmin().withBrowser().start()) {
            fixture.token("pat");
            Page page = fixture.chromium().newPage();
            page.setDefaultTimeout(WAIT_MS);
            try {
                walkThrough(fixture, page);
            } catch (RuntimeException | AssertionError failed) {
                Chromium.screenshot(page, "admin-console-failure");
                throw new AssertionError("the console got stuck; toast: " + page.locator("#toast").textContent()
                        + "; screenshot target/screenshots/admin-console-failure.png", failed);
            }
        }
    }

    private static void walkThrough(TestServer fixture, Page page) throws Exception {
        {

            page.navigate(fixture.http() + "/admin");
            page.locator("#login-form input[name=name]").fill(TestServer.ADMIN);
            page.locator("#login-form input[name=password]").fill(TestServer.ADMIN_PASSWORD);
            page.locator("#login-form button").click();
            page.locator("[data-card=tables-running]").waitFor();
            assertThat(page.url()).endsWith("/admin/");

            page.locator("#nav a[data-view=tables]").click();
            Locator create = page.locator("#create-table");
            create.locator("input[name=name]").fill("Browser Oak");
            create.locator("select[name=variant]").selectOption("PLO");
            create.locator("input[name=smallBlind]").fill("0.50");
            create.locator("input[name=bigBlind]").fill("1.00");
            create.locator("input[name=minBuyIn]").fill("20.00");
            create.locator("input[name=maxBuyIn]").fill("100.00");
            create.locator("input[name=rakePercent]").fill("5");
            create.locator("input[name=rakeCap]").fill("3.00");
            create.locator("input[name=reason]").fill("Friday evening game");
            create.locator("#create-table-submit").click();
            page.locator("td", new Page.LocatorOptions().setHasText("Browser Oak")).waitFor();
            Chromium.screenshot(page, "admin-console-tables");
            assertThat(page.locator("#view tr", new Page.LocatorOptions().setHasText("Browser Oak")).innerText())
                    .as("the new table's row: its game, its rake rule and the rake it has taken")
                    .contains("Pot-Limit Omaha", "5% cap 3.00", "0.00");
            assertThat(fixture.rows("SELECT variant FROM poker_table WHERE name = 'Browser Oak'")).containsExactly("PLO");
            assertThat(page.locator("#view th").allInnerTexts()).contains("Rake taken");

            page.locator("#nav a[data-view=players]").click();
            page.locator("#player-search").fill("pat");
            page.locator("#view button[type=submit]").first().click();
            page.locator("[data-player=pat]").click();
            Locator money = page.locator("#money-form");
            money.locator("select[name=movement]").selectOption("deposit");
            money.locator("input[name=amount]").fill("12.34");
            money.locator("input[name=reason]").fill("bank transfer 7781");
            money.locator("#move-money").click();
            page.locator("#wallet-balance", new Page.LocatorOptions().setHasText("1012.34")).waitFor();
            page.locator("td", new Page.LocatorOptions().setHasText("DEPOSIT")).first().waitFor();
            Chromium.screenshot(page, "admin-console-player");
            assertThat(page.locator("#view").innerText()).as("no missing value shows through").doesNotContain("null")
                    .doesNotContain("undefined").doesNotContain("NaN");

            page.locator("#nav a[data-view=audit]").click();
            page.locator("#run-audit").waitFor();
            page.locator("#run-audit").click();
            page.locator("#audit-result [data-audit=pass]").waitFor();
            Path shot = Chromium.screenshot(page, "admin-console-audit-passed");

            page.locator("#nav a[data-view=dashboard]").click();
            page.locator("[data-card=last-audit] [data-audit=pass]").waitFor();
            Chromium.screenshot(page, "admin-console-dashboard");

            page.locator("#nav a[data-view=log]").click();
            page.locator("td", new Page.LocatorOptions().setHasText("bank transfer 7781")).waitFor();
            Chromium.screenshot(page, "admin-console-log");

            assertThat(Files.size(shot)).isPositive();
            assertThat(fixture.wallet("pat")).isEqualTo(Money.parse("1012.34"));
            assertThat(fixture.rows("SELECT name, small_blind, big_blind, rake_percent, rake_cap, status FROM poker_table"))
                    .containsExactly("Browser Oak|0.50|1.00|5.00|3.00|OPEN");
            assertThat(fixture.rows("SELECT action || ': ' || reason FROM admin_audit_log WHERE outcome = 'DONE' ORDER BY id"))
                    .containsSubsequence("TABLE_CREATE: Friday evening game", "DEPOSIT: bank transfer 7781",
                            "AUDIT_RUN: audit run on demand");
        }
    }
}
