package uk.caseqa.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium driven by Selenium: Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs when missing. Where they are absent the test is skipped, and reported as skipped, with the
 * reason; nothing is downloaded. Options as this machine needs them: no sandbox (root), no background networking
 * (the network is closed), a fresh profile.
 */
public final class HeadlessChromium {

    public static final Path BROWSER = Path.of(System.getProperty("caseqa.chromium", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("caseqa.chromedriver", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    public static ChromeDriver start() {
        Assumptions.assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "headless browser tests need Debian's chromium and chromium-driver (" + BROWSER + ", " + DRIVER
                        + "); .ci/run installs them");
        try {
            ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile())
                    .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-quic", "--no-first-run", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--window-size=1024,900",
                            "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort().build();
            return new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
