package io.chipledger.server.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium driven by Playwright, for browser tests. Playwright never downloads a browser here: it
 * is told to skip the download and is pointed at {@code /usr/bin/chromium} ({@code .ci/run} installs it). On a
 * developer machine without Chromium the browser tests are skipped with a message; under CI they fail instead, so a
 * missing browser can never pass for a green run.
 */
public final class Chromium implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    /** Where tests save screenshots: {@code server/target/screenshots}. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-dev-shm-usage");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Starts headless Chromium, or skips the calling test (fails it under CI) when there is none. */
    public static Chromium launch() {
        boolean present = Files.isExecutable(EXECUTABLE);
        if (!present && System.getenv("CI") != null) {
            throw new IllegalStateException(EXECUTABLE + " is missing: .ci/run installs Debian's chromium");
        }
        Assumptions.assumeTrue(present, () -> "browser tests need Chromium at " + EXECUTABLE + " (apt-get install chromium)");
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(FLAGS));
        return new Chromium(playwright, browser);
    }

    /** A fresh, isolated browser profile (its own cookies and storage), like a second person at another computer. */
    public BrowserContext newContext(int width, int height) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
    }

    /** A desktop-sized page in a fresh context. */
    public Page newPage() {
        return newContext(1280, 800).newPage();
    }

    /** Saves a full-page screenshot under {@code target/screenshots/NAME.png} and returns its path. */
    public static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
