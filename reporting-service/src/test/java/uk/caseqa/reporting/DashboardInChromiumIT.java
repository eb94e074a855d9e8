package uk.caseqa.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PrintOptions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.ModerationWaived;
import uk.caseqa.reporting.application.BoardRecords;
import uk.caseqa.reporting.application.InMemoryBoardRecords;
import uk.caseqa.reporting.demo.YearOfAudits;
import uk.caseqa.reporting.domain.BoardCount;
import uk.caseqa.reporting.domain.Breakdown;
import uk.caseqa.reporting.domain.Measure;
import uk.caseqa.reporting.domain.Period;
import uk.caseqa.testsupport.HeadlessChromium;
import uk.caseqa.testsupport.TestIssuer;
import uk.caseqa.testsupport.MutableClock;
import uk.caseqa.testsupport.TopicProbe;
import uk.caseqa.testsupport.WithRealInfrastructure;

/**
 * The board dashboard as a board member sees it, in a real headless Chromium, over real Kafka and the Mongo wire
 * server: four generated months of two councils' audits go through reporting-service, and the page shows, for the
 * latest month, the figures the REST API gives (tables, tiles, charts drawn, the trend); a number lists the audits
 * behind it; other filters (team, week, council) show their figures; and a new audit is counted while the page is
 * open, without a reload. Its printed form keeps the figures and drops the filters. A screenshot and the printed PDF
 * are kept in {@code target/screenshots}. Waits are explicit, with Awaitility (Selenium's support module, with
 * {@code WebDriverWait}, is not on the classpath).
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ReportingServiceApplication.CONFIG_NAME,
        "caseqa.reporting.publish-interval=200ms"})
class DashboardInChromiumIT {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final String LATEST_MONTH = "2026-11";
    // four months (over twelve weeks) rather than a year: enough for every trend, and quicker to count
    static final YearOfAudits.History HISTORY = YearOfAudits.generate(YearOfAudits.twoCouncils(),
            LocalDate.of(2026, 8, 1), 4, NOW, 7L);
    static final List<String> GRADES = List.of("OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE",
            "AWAITING_MODERATION");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestConfiguration
    static class TheDayTheHistoryEnds {
        @Bean
        Clock clock() {
            return new MutableClock(NOW);
        }
    }

    /** An aggregate as the REST API gives it, in the fields this test reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Shown(String value, String period, Map<String, Long> counts, Map<String, Double> figures) {
    }

    /** Final grades of one council by one breakdown, in the latest month. */
    record Asked(String council, Breakdown by) {
    }

    /** A number in a table: its row's value, its bucket and the count shown. */
    record Figure(String value, String bucket, int count) {
    }

    /** A record behind a figure, as the REST API gives it. */
    record Behind(String kind, String id) {
    }

    @LocalServerPort
    int port;
    @Value("${caseqa.topic-prefix}")
    String prefix;
    ChromeDriver browser;

    @AfterEach
    void quitTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theBoardShowsTheLatestMonthFollowsTheFiltersListsTheAuditsBehindAFigureAndCountsANewAuditLive()
            throws Exception {
        TopicProbe topics = TopicProbe.forPrefix(prefix);
        HISTORY.events().forEach(topics::send);
        browser = HeadlessChromium.start(); // while the service counts the board
        Map<Asked, Map<String, Map<String, Long>>> counted = new LinkedHashMap<>();
        for (Asked asked : List.of(new Asked("swindon", Breakdown.SERVICE), new Asked("swindon", Breakdown.TEAM),
                new Asked("telford-and-wrekin", Breakdown.TEAM))) {
            counted.put(asked, counted(asked.council(), asked.by()));
        }
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                counted.forEach((asked, counts) -> assertThat(finalGrades(asked.council(), asked.by(), LATEST_MONTH))
                        .as(asked.toString()).isEqualTo(counts)));
        for (String webjar : List.of("/webjars/echarts/dist/echarts.min.js",
                "/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css")) {
            assertThat(rest().get().uri(webjar).retrieve().toBodilessEntity().getStatusCode().value()).as(webjar)
                    .isEqualTo(200);
        }

        // a service manager: the audits behind a figure are theirs and the QA team's to list, not a board reader's
        browser.get(base() + "/dashboard#token=" + TestIssuer.shared().token("swindon", "staff-sm-s",
                "SERVICE_MANAGER"));
        theLatestMonthByService();
        aNumberListsTheAuditsBehindIt();
        Object loadedAt = browser.executeScript("return window.__loadedAt");
        byTeamAndByWeek();
        aNewAuditIsCountedLive(topics);
        screenshot();
        printed();
        assertThat(browser.executeScript("return window.__loadedAt")).as("never reloaded").isEqualTo(loadedAt);
        assertThat(browser.findElement(By.id("error")).isDisplayed()).as("an error shown").isFalse();
        anotherCouncilsReader();
        assertThat(browser.findElement(By.id("error")).isDisplayed()).as("an error shown").isFalse();
    }

    /** (a) By default: the first council, by service, the latest month; charts drawn, figures as the API's. */
    void theLatestMonthByService() {
        page().until(() -> !browser.findElements(By.cssSelector("#final-grades-table tbody tr")).isEmpty());
        assertThat(browser.getCurrentUrl()).contains("/dashboard/index.html");
        assertThat(selected("council")).isEqualTo("swindon");
        assertThat(selected("breakdown")).isEqualTo("SERVICE");
        assertThat(selected("periodType")).isEqualTo("MONTH");
        assertThat(selected("period")).isEqualTo(LATEST_MONTH);
        assertThat(page().until(this::gradesShown, finalGrades("swindon", Breakdown.SERVICE, LATEST_MONTH)::equals))
                .containsOnlyKeys("svc-1", "svc-2");
        Shown council = aggregate("swindon", "final-grades", Breakdown.COUNCIL, LATEST_MONTH);
        assertThat(tile("audits")).isEqualTo(String.valueOf(total(council)));
        assertThat(tile("good")).isEqualTo(percent(council.figures().get("goodOrBetterPercent")));
        for (String chart : List.of("final-grades", "trend", "moderation", "timeliness", "practice-domains")) {
            WebElement drawn = browser.findElement(By.id(chart + "-chart"));
            assertThat(drawn.getDomAttribute("role")).isEqualTo("img");
            assertThat(drawn.getDomAttribute("aria-label")).as(chart).isNotBlank();
            assertThat(drawn.findElements(By.cssSelector("svg path"))).as(chart).isNotEmpty();
        }
        assertThat(browser.findElement(By.id("final-grades-chart")).getDomAttribute("aria-label"))
                .startsWith("Stacked bar chart: Final grades by service, November 2026");
        List<String> months = trend("swindon", "MONTH").stream().map(m -> percent(m.figures().get("goodOrBetterPercent")))
                .toList();
        page().until(() -> trendShown().equals(months));
        assertThat(browser.findElement(By.cssSelector("[data-about=final-grades] details"))
                .getDomProperty("textContent")).contains(Measure.FINAL_GRADES.definition());
        for (WebElement select : browser.findElements(By.tagName("select"))) {
            assertThat(browser.findElements(By.cssSelector("label[for=" + select.getDomAttribute("id") + "]")))
                    .as("label of " + select.getDomAttribute("id")).hasSize(1);
        }
        assertThat(browser.findElement(By.id("error")).isDisplayed()).as("an error shown").isFalse();
    }

    /** A number in a table lists the audits behind it, and the keyboard focus moves to the list. */
    void aNumberListsTheAuditsBehindIt() {
        Figure clicked = page().until(() -> {
            WebElement button = browser.findElement(By.cssSelector("#final-grades-table td[data-cell] button"));
            Figure figure = new Figure(button.findElement(By.xpath("ancestor::tr")).getDomAttribute("data-row"),
                    button.findElement(By.xpath("ancestor::td")).getDomAttribute("data-cell"),
                    Integer.parseInt(button.findElement(By.className("app-count")).getText()));
            button.click();
            return figure;
        }, figure -> true);
        List<String> behind = behind("swindon", Breakdown.SERVICE, clicked.value(), clicked.bucket());
        assertThat(behind).hasSize(clicked.count());
        page().until(() -> browser.findElements(By.cssSelector("#drill-down-list li")).stream()
                .map(WebElement::getText).toList().equals(behind));
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("drill-down-heading");
    }

    /** (b) By team: a row for each team with audits; by week: the latest week, and a trend of the last twelve. */
    void byTeamAndByWeek() {
        choose("breakdown", "TEAM");
        assertThat(page().until(this::gradesShown, finalGrades("swindon", Breakdown.TEAM, LATEST_MONTH)::equals)
                .keySet()).isNotEmpty().allMatch(team -> team.startsWith("team-"));
        assertThat(browser.findElement(By.id("final-grades-chart")).getDomAttribute("aria-label"))
                .startsWith("Stacked bar chart: Final grades by team, November 2026");

        choose("periodType", "WEEK");
        List<Shown> weeks = trend("swindon", "WEEK");
        Shown latestWeek = weeks.get(weeks.size() - 1);
        assertThat(weeks).hasSizeGreaterThan(12);
        List<String> lastTwelve = weeks.subList(weeks.size() - 12, weeks.size()).stream()
                .map(w -> percent(w.figures().get("goodOrBetterPercent"))).toList();
        page().until(() -> selected("period").equals(latestWeek.period())
                && gradesShown().equals(finalGrades("swindon", Breakdown.TEAM, latestWeek.period()))
                && trendShown().equals(lastTwelve));

        choose("periodType", "MONTH");
        page().until(() -> selected("period").equals(LATEST_MONTH)
                && gradesShown().equals(finalGrades("swindon", Breakdown.TEAM, LATEST_MONTH)));
    }

    /** (c) A new audit of team-1-1, graded Good and not moderated, counted while the page is open. */
    void aNewAuditIsCountedLive(TopicProbe topics) {
        page().until(() -> browser.findElement(By.id("live")).getText().equals("Live"));
        long good = gradesShown().getOrDefault("team-1-1", Map.of()).getOrDefault("GOOD", 0L);
        long audits = Long.parseLong(tile("audits"));
        Instant completedAt = Instant.parse("2026-11-19T10:00:00Z");
        topics.send(event("swindon-audit-live", completedAt, new AuditCompleted("swindon-audit-live", "case-live",
                "svc-1", "team-1-1", "staff-tm-team-1-1", "staff-sw-team-1-1", "staff-sm-svc-1", Grade.GOOD,
                Map.of("childs-voice", Grade.GOOD), true, completedAt, AuditType.FULL, null, Cohort.CIN, null,
                List.of(), null)));
        topics.send(event("swindon-audit-live", completedAt.plusSeconds(60), new ModerationWaived("swindon-audit-live",
                "case-live", "not moderated under the council's profile", completedAt.plusSeconds(60))));
        page().until(() -> gradesShown().getOrDefault("team-1-1", Map.of()).getOrDefault("GOOD", 0L) == good + 1
                && tile("audits").equals(String.valueOf(audits + 1)));
        page().until(() -> gradesShown().equals(finalGrades("swindon", Breakdown.TEAM, LATEST_MONTH)));
        assertThat(browser.findElement(By.id("updated")).getText()).matches("Last updated \\d{2}:\\d{2}:\\d{2}");
    }

    /** (b) Another council's reader: their council alone, its teams and its figures. */
    void anotherCouncilsReader() {
        browser.get(base() + "/dashboard#token="
                + TestIssuer.shared().token("telford-and-wrekin", "reader-t", "BOARD_READER"));
        page().until(() -> "telford-and-wrekin".equals(selected("council")));
        assertThat(browser.findElements(By.cssSelector("#council option")).stream()
                .map(o -> o.getAttribute("value")).toList()).as("the councils offered").containsExactly(
                        "telford-and-wrekin");
        choose("breakdown", "TEAM");
        page().until(() -> gradesShown().equals(finalGrades("telford-and-wrekin", Breakdown.TEAM, LATEST_MONTH)));
        assertThat(tile("audits")).isEqualTo(String.valueOf(total(aggregate("telford-and-wrekin", "final-grades",
                Breakdown.COUNCIL, LATEST_MONTH))));
    }

    /** The printed page: the figures and every measure's definition, not the filters. */
    void printed() throws Exception {
        byte[] pdf = Base64.getDecoder().decode(browser.print(new PrintOptions()).getContent());
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("dashboard.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Case QA: board", "Audits counted", "Final grades by team, November 2026",
                    "Audits first submitted in the period");
            assertThat(text).doesNotContain("What to show", "Period type");
        }
    }

    /** The whole page, as tall as it is. */
    void screenshot() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Dimension window = browser.manage().window().getSize();
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 100, 8000)));
        Files.write(SCREENSHOTS.resolve("dashboard.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(window);
    }

    // ---- the page ----

    ConditionFactory page() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .ignoreException(StaleElementReferenceException.class);
    }

    String selected(String select) {
        return browser.findElement(By.id(select)).getDomProperty("value");
    }

    void choose(String select, String value) {
        browser.findElement(By.cssSelector("#" + select + " option[value='" + value + "']")).click();
    }

    String tile(String name) {
        return browser.findElement(By.cssSelector("[data-tile=" + name + "]")).getText();
    }

    /** The trend table as shown: % Good or better in each period, oldest first. */
    List<String> trendShown() {
        return browser.findElements(By.cssSelector("#trend-table tbody [data-cell=goodOrBetterPercent]")).stream()
                .map(WebElement::getText).toList();
    }

    /** The final grades table as shown: each row's value and its non-zero counts. */
    Map<String, Map<String, Long>> gradesShown() {
        Map<String, Map<String, Long>> shown = new TreeMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("#final-grades-table tbody tr"))) {
            Map<String, Long> counts = new TreeMap<>();
            for (String grade : GRADES) {
                long n = Long.parseLong(row.findElement(By.cssSelector("td[data-cell=" + grade + "] .app-count"))
                        .getText());
                if (n > 0) {
                    counts.put(grade, n);
                }
            }
            shown.put(row.getDomAttribute("data-row"), counts);
        }
        return shown;
    }

    // ---- the REST API, and the counting without Kafka ----

    String base() {
        return "http://localhost:" + port;
    }

    RestClient rest() {
        return RestClient.create(base());
    }

    /** As a service manager of the council. */
    RestClient rest(String la) {
        return RestClient.builder().baseUrl(base())
                .defaultHeader("Authorization", TestIssuer.bearerOf(la, "staff-sm-" + la, "SERVICE_MANAGER")).build();
    }

    List<Shown> aggregates(String la, String measure, Breakdown by, String period) {
        return rest(la).get().uri("/board/aggregates?localAuthority={la}&measure={m}&breakdown={b}&period={p}", la,
                measure, by, period).retrieve().body(new ParameterizedTypeReference<List<Shown>>() { });
    }

    Shown aggregate(String la, String measure, Breakdown by, String period) {
        return aggregates(la, measure, by, period).get(0);
    }

    Map<String, Map<String, Long>> finalGrades(String la, Breakdown by, String period) {
        return aggregates(la, "final-grades", by, period).stream()
                .collect(Collectors.toMap(Shown::value, s -> new TreeMap<>(s.counts()), (a, b) -> a, TreeMap::new));
    }

    /** The council's final grades in every period of the type, oldest first. */
    List<Shown> trend(String la, String periodType) {
        return rest(la).get().uri("/board/aggregates?localAuthority={la}&measure=final-grades&periodType={t}", la,
                periodType).retrieve().body(new ParameterizedTypeReference<List<Shown>>() { });
    }

    List<String> behind(String la, Breakdown by, String value, String bucket) {
        return rest(la).get().uri("/board/audits?localAuthority={la}&measure=final-grades&breakdown={b}&value={v}"
                        + "&period={p}&bucket={bucket}", la, by, value, LATEST_MONTH, bucket).retrieve()
                .body(new ParameterizedTypeReference<List<Behind>>() { }).stream().map(Behind::id).toList();
    }

    /** The final grades of the latest month, counted from the generated history without Kafka or the service. */
    static Map<String, Map<String, Long>> counted(String la, Breakdown by) {
        BoardRecords.CouncilRecords council = InMemoryBoardRecords.of(HISTORY.events()).load(la);
        return BoardCount.count(la, Period.parse(LATEST_MONTH), NOW, council.audits(), council.concerns(),
                        council.followUps()).stream()
                .filter(a -> a.key().measure() == Measure.FINAL_GRADES && a.key().breakdown() == by)
                .collect(Collectors.toMap(a -> a.key().value(), a -> new TreeMap<>(a.counts()), (a, b) -> a,
                        TreeMap::new));
    }

    static long total(Shown shown) {
        return shown.counts().values().stream().mapToLong(Long::longValue).sum();
    }

    /** A figure as the page writes it: one decimal place and a per cent sign, or a dash where there is none. */
    static String percent(Double figure) {
        return figure == null ? "–" : String.format(Locale.ROOT, "%.1f%%", figure);
    }

    static <T extends EventPayload> EventEnvelope<T> event(String subject, Instant time, T data) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", time, subject, "swindon",
                "corr-" + subject, data);
    }
}
