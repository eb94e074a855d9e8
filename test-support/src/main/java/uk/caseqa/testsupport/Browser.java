package uk.caseqa.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A person at a real headless Chromium ({@link HeadlessChromium}): opens a page as a link in an email would, signs
 * in on the identity provider's page when sent there, fills and submits forms, and checks every page it looks at
 * with axe-core (from its webjar) for WCAG 2.1 A and AA violations.
 */
public final class Browser implements AutoCloseable {

    private static final String AXE = "META-INF/resources/webjars/axe-core/"
            + System.getProperty("caseqa.axe-core.version", "4.6.3") + "/axe.min.js";
    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** A fresh browser (skipped, and reported so, where Chromium and its driver are not installed). */
    public static Browser start() {
        return new Browser(HeadlessChromium.start());
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Opens {@code url}; if the identity provider asks who this is, signs in as {@code username} with the demo
     * password, and is sent back to the page.
     */
    public Browser openAs(String url, String username) {
        driver.get(url);
        if (!driver.findElements(By.id("username")).isEmpty()) {
            driver.findElement(By.id("username")).sendKeys(username);
            driver.findElement(By.id("password")).sendKeys(uk.caseqa.identity.LocalAuthorizationServer.SECRET);
            driver.findElement(By.cssSelector("button[type=submit]")).click();
        }
        String origin = url.substring(0, url.indexOf('/', "http://".length()));
        org.awaitility.Awaitility.await("back at " + origin + " after signing in").atMost(Duration.ofSeconds(30))
                .until(() -> driver.getCurrentUrl().startsWith(origin)
                        && driver.findElements(By.id("username")).isEmpty());
        return this;
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public String text() {
        return driver.findElement(By.tagName("main")).getText();
    }

    public WebElement field(String id) {
        return driver.findElement(By.id(id));
    }

    /** Types into the field labelled by its id, replacing what was there. */
    public Browser type(String id, String text) {
        WebElement field = field(id);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Picks a radio button or ticks a checkbox by its id. */
    public Browser choose(String id) {
        WebElement option = field(id);
        if (!option.isSelected()) {
            option.click();
        }
        return this;
    }

    /** Picks the radio button of group {@code name} with {@code value}. */
    public Browser pick(String name, String value) {
        driver.findElement(By.cssSelector("input[type=radio][name='" + name + "'][value='" + value + "']")).click();
        return this;
    }

    /** Follows the link with this text in the page's main content, and waits for the next page. */
    public Browser follow(String linkText) {
        return andWaitForTheNextPage(driver.findElement(By.xpath("//main//a[normalize-space(.)=" + literal(linkText) + "]")));
    }

    /** Presses the button with this text in the page's main content, and waits for the next page. */
    public Browser press(String buttonText) {
        return andWaitForTheNextPage(driver.findElement(By.xpath("//main//button[normalize-space(.)=" + literal(buttonText)
                + "]")));
    }

    /** An XPath string literal of {@code text} (which may hold an apostrophe, or a double quote, not both). */
    private static String literal(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    /** Clicks, then waits until the page it was on has gone (a form's answer, a link's page). */
    private Browser andWaitForTheNextPage(WebElement target) {
        WebElement page = driver.findElement(By.tagName("html"));
        target.click();
        org.awaitility.Awaitility.await("the next page after a click").atMost(Duration.ofSeconds(30))
                .until(() -> {
                    try {
                        page.isEnabled();
                        return false;
                    } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                        return true;
                    }
                });
        return this;
    }

    /** The error summary's messages, in order: empty when the page shows none. */
    public java.util.List<String> errorSummary() {
        return driver.findElements(By.cssSelector(".govuk-error-summary__list a")).stream()
                .map(WebElement::getText).toList();
    }

    /** The message shown beside the field, or empty. */
    public String errorBeside(String fieldId) {
        return driver.findElements(By.id(fieldId + "-error")).stream().map(e -> e.getText().replaceAll("\\s+", " "))
                .findFirst()
                .orElse("");
    }

    /** axe-core's WCAG 2.1 A and AA violations on the page as shown now, as JSON: {@code []} when there are none. */
    public String accessibilityViolations() {
        driver.executeScript(axeSource());
        Object result = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(JSON.stringify(r.violations.map(v => ({rule: v.id, impact: v.impact,"
                + " help: v.help, where: v.nodes.map(n => n.target.join(' '))})))))"
                + ".catch(e => done('axe failed: ' + e));");
        return String.valueOf(result);
    }

    /** The page as shown now has no WCAG 2.1 A or AA violation axe-core can find. */
    public Browser assertAccessible() {
        assertThat(accessibilityViolations()).as("axe-core on " + driver.getCurrentUrl()).isEqualTo("[]");
        return this;
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the classpath: " + AXE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
