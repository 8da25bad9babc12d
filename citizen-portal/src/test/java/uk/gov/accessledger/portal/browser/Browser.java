package uk.gov.accessledger.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's packages, with a fresh profile. Without Chromium the browser
 * tests are skipped with a message, except under CI=true, where they fail.
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static String axeSource;

    private Browser() {
    }

    static ChromeDriver open() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "the browser tests need Debian's chromium and chromium-driver"
                    + " (apt-get install -y chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("couldn't run: " + why);
            }
            Assumptions.abort(why);
        }
        Path profile = Files.createTempDirectory("portal-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /**
     * Runs axe-core (every rule, WCAG 2.2 A/AA and best practice) on the current page and fails
     * with the violations it finds.
     */
    static void assertAccessible(ChromeDriver driver) throws IOException {
        if (axeSource == null) {
            try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        driver.executeScript(axeSource);
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document).then(r => done(JSON.stringify(r.violations.map(v =>
                    ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.html).slice(0, 3)})))))
                  .catch(e => done('axe failed: ' + e));""");
        assertThat(result).as("axe-core violations on %s", driver.getCurrentUrl()).isEqualTo("[]");
    }

    /** Saves a screenshot as {@code <name>.png} in -Dscreenshots.dir (default target/screenshots). */
    static void screenshot(ChromeDriver driver, String name) throws IOException {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Dimension size = driver.manage().window().getSize();
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(size.getWidth(), (int) height + 140));
        Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(size);
    }
}
