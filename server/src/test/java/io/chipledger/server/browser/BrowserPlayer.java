package io.chipledger.server.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.chipledger.money.Money;
import io.chipledger.server.testing.Chromium;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One person playing in their own browser profile, driven through the page as they would: the page's elements are
 * the only way in. Every page carries a small recorder of the frames its WebSocket sends, so a test can prove what was
 * (and was not) sent, and can make the network lose one action or its answer.
 */
final class BrowserPlayer {

    static final double TIMEOUT_MILLIS = 45_000;

    /**
     * Installed before the page's own scripts: records each frame sent ({@code window.__sent}), the answer to each
     * request ({@code window.__replies}: requestId to "done" or the error code) and each connection
     * state shown ({@code window.__connStates}); {@code window.__dropBeforeNextAct} closes the socket instead of
     * sending the next action, {@code window.__dropAfterNextAct} closes it right after sending, so the answer is lost.
     */
    private static final String RECORDER = """
            (() => {
              const sent = [];
              window.__sent = sent;
              window.__connStates = [];
              const send = WebSocket.prototype.send;
              window.__replies = {};
              WebSocket.prototype.send = function (data) {
                if (!this.__repliesRecorded) {
                  this.__repliesRecorded = true; // the hello goes first: no answer comes before this listener
                  this.addEventListener('message', event => {
                    try {
                      const reply = JSON.parse(event.data);
                      if (reply.requestId && (reply.type === 'done' || reply.type === 'error')) {
                        window.__replies[reply.requestId] = reply.type === 'done' ? 'done' : reply.code;
                      }
                    } catch (e) { }
                  });
                }
                let message = {};
                try { message = JSON.parse(data); } catch (e) { }
                const entry = { type: message.type, requestId: message.requestId, action: message.action ?? null,
                                amount: message.amount ?? null, commitment: message.commitment ?? null,
                                seed: message.seed ?? null, delivered: true };
                sent.push(entry);
                if (message.type === 'act' && window.__dropBeforeNextAct) {
                  window.__dropBeforeNextAct = false;
                  entry.delivered = false;
                  this.close(4001, 'test: lost before sending');
                  return;
                }
                send.call(this, data);
                if (message.type === 'act' && window.__dropAfterNextAct) {
                  window.__dropAfterNextAct = false;
                  this.close(4001, 'test: answer lost');
                }
              };
              document.addEventListener('DOMContentLoaded', () => {
                const indicator = document.getElementById('conn-state');
                new MutationObserver(() => window.__connStates.push(indicator.dataset.state))
                    .observe(indicator, { attributes: true, attributeFilter: ['data-state'] });
              });
            })();
            """;

    final String name;
    final Page page;
    private final String baseUrl;
    private final List<String> consoleErrors = new ArrayList<>();

    private BrowserPlayer(String name, Page page, String baseUrl) {
        this.name = name;
        this.page = page;
        this.baseUrl = baseUrl;
    }

    /** Opens the site in a fresh profile of the given size and signs up through the form; ends in the lobby. */
    static BrowserPlayer signUp(Chromium chromium, String baseUrl, String name, int width, int height) {
        BrowserPlayer player = open(chromium, baseUrl, name, width, height);
        player.page.locator("#login-name").fill(name);
        player.page.locator("#login-password").fill(name + "-password");
        player.page.locator("#sign-up").click();
        player.page.locator("#lobby").waitFor();
        return player;
    }

    /** Opens the site in a fresh profile, not logged in. */
    static BrowserPlayer open(Chromium chromium, String baseUrl, String name, int width, int height) {
        BrowserContext context = chromium.newContext(width, height);
        context.setDefaultTimeout(TIMEOUT_MILLIS);
        context.addInitScript(RECORDER);
        Page page = context.newPage();
        BrowserPlayer player = new BrowserPlayer(name, page, baseUrl);
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                player.consoleErrors.add(message.text());
            }
        });
        page.onPageError(error -> player.consoleErrors.add(error));
        page.navigate(baseUrl + "/");
        return player;
    }

    /** Errors the page logged or threw: a working page has none. */
    List<String> consoleErrors() {
        return List.copyOf(consoleErrors);
    }

    void goTo(String hash) {
        page.navigate(baseUrl + "/" + hash);
    }

    /** Buys in through the open buy-in dialog and waits until the page shows this player seated. */
    void buyIn(String amount) {
        Locator dialog = page.locator("#chips-dialog");
        dialog.waitFor();
        page.locator("#chips-amount").fill(amount);
        try {
            page.locator("#chips-confirm").click();
            dialog.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
        } catch (PlaywrightException stuck) {
            throw new AssertionError(name + " could not buy in " + amount + ": " + buyInState(), stuck);
        }
        page.locator(".seat[data-player='" + name + "']").waitFor();
    }

    /**
     * What a buy-in that did not finish left behind, for the failure's message: the dialog (its error, whether its
     * button is enabled), the sit-down requests the page sent with their answers, and the connection's states; then a
     * screenshot (taken last: a page too busy to draw would time it out).
     */
    private String buyInState() {
        Object state = page.evaluate("""
                () => JSON.stringify({
                  dialogOpen: document.getElementById('chips-dialog')?.open ?? false,
                  error: document.getElementById('chips-error')?.textContent ?? null,
                  confirmDisabled: document.getElementById('chips-confirm')?.disabled ?? null,
                  wallet: document.getElementById('wallet')?.dataset.cents ?? null,
                  sitDowns: window.__sent.filter(m => m.type === 'sitDown')
                      .map(m => ({ requestId: m.requestId, answer: window.__replies[m.requestId] ?? null })),
                  connStates: window.__connStates,
                })""");
        String screenshot;
        try {
            screenshot = "screenshot " + Chromium.screenshot(page, "buy-in-" + name);
        } catch (PlaywrightException failed) {
            screenshot = "no screenshot: " + failed.getMessage().lines().findFirst().orElse("");
        }
        return state + " (" + screenshot + ")";
    }

    int mySeat() {
        return Integer.parseInt(page.locator("#table").getAttribute("data-my-seat"));
    }

    long seq() {
        return Long.parseLong(page.locator("#table").getAttribute("data-seq"));
    }

    /** The stack the page shows for a seat, read from the text a person sees. */
    Money stack(int seat) {
        return displayed(page.locator("#seat-" + seat + " .seat-stack").textContent());
    }

    Money wallet() {
        page.waitForFunction("() => document.getElementById('wallet').dataset.cents !== ''");
        return displayed(page.locator("#wallet").textContent());
    }

    /** Waits until the header shows this wallet balance (it follows the server's wallet messages). */
    void waitForWallet(Money expected) {
        page.waitForFunction("cents => document.getElementById('wallet').dataset.cents === cents",
                expected.amount().movePointRight(2).toBigIntegerExact().toString());
    }

    Money pot() {
        Locator pot = page.locator("#pot");
        return pot.count() == 0 ? Money.ZERO : displayed(pot.textContent().replace("Pot", ""));
    }

    static Money displayed(String text) {
        return Money.parse(text.replace(",", "").strip());
    }

    /** Waits until the action bar is live: this player's turn, nothing sent for it yet. */
    void waitForMyTurn() {
        page.locator("#action-bar[data-state='my-turn']").waitFor();
    }

    /**
     * Waits until the page has moved past the turn it acted on: the action bar is no longer live for it (sent, or
     * the turn went on), or a new turn of this player's has begun.
     */
    void waitUntilActed(String turn) {
        page.waitForFunction("""
                turn => { const bar = document.getElementById('action-bar');
                          return bar.dataset.state !== 'my-turn' || bar.dataset.turn !== turn; }""", turn);
    }

    boolean isMyTurn() {
        return "my-turn".equals(page.locator("#action-bar").getAttribute("data-state"));
    }

    boolean canCheck() {
        return page.locator("#act-check").isEnabled();
    }

    /** Checks when free, calls otherwise, by clicking. */
    void checkOrCall() {
        page.locator(canCheck() ? "#act-check" : "#act-call").click();
    }

    /** The frames of a type the page sent (or tried to send), oldest first. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> sent(String type) {
        List<Map<String, Object>> all = (List<Map<String, Object>>) page.evaluate("() => window.__sent");
        return all.stream().filter(f -> type.equals(f.get("type"))).toList();
    }

    /** The server's answer to a request the page sent: "done", an error code, or null while none came. */
    String replyTo(String requestId) {
        return (String) page.evaluate("id => window.__replies[id] ?? null", requestId);
    }

    @SuppressWarnings("unchecked")
    List<String> connectionStates() {
        return (List<String>) page.evaluate("() => window.__connStates");
    }

    List<String> holeCards(int seat) {
        return page.locator("#seat-" + seat + " .seat-cards .card[data-card]").all().stream()
                .map(card -> card.getAttribute("data-card")).toList();
    }

    void close() {
        page.context().close();
    }
}
