package uk.caseqa.concern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.contracts.GradeInadequate;
import uk.caseqa.contracts.GradedBy;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.testsupport.Browser;
import uk.caseqa.testsupport.LocalIdentity;
import uk.caseqa.testsupport.MutableClock;
import uk.caseqa.testsupport.TopicProbe;
import uk.caseqa.testsupport.WithRealInfrastructure;

/**
 * The service manager follows the "safety plan due" email's link in a real Chromium, signs in on the identity
 * provider's page, sees the case of concern with the time left, submits an empty plan (the error is shown beside the
 * field and nothing is recorded), then records the plan and sees it recorded; another council's service manager
 * following the same link finds nothing. Every page passes axe-core.
 */
@WithRealInfrastructure(localIdentity = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ConcernServiceApplication.CONFIG_NAME})
class AServiceManagerRecordsTheSafetyPlanOnItsPageIT {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-16T09:00:00Z"));
    static final String MANAGER = "staff-sm-demo";

    @TestConfiguration
    static class MovedClock {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;
    @Value("${caseqa.topic-prefix}")
    String prefix;

    static <T extends EventPayload> EventEnvelope<T> event(String subject, T data) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", CLOCK.instant(), subject, "swindon",
                "corr-" + subject, data);
    }

    Map<?, ?> asTheApiSeesIt(String id) {
        return RestClient.create("http://localhost:" + port).get().uri("/cases-of-concern/{id}", id)
                .header("Authorization", LocalIdentity.shared().of("swindon", MANAGER, "SERVICE_MANAGER"))
                .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { }).body(Map.class);
    }

    @Test
    void theEarlyHelpPanelRecordsItsReviewOnTheCaseOfConcernsPage() {
        TopicProbe topics = TopicProbe.forPrefix(prefix);
        topics.send(event("staff-hos-demo", new StaffMemberRegistered("staff-hos-demo", StaffRole.HEAD_OF_SERVICE,
                "svc-other", "head@council.example")));
        topics.awaitConsumed("concern-service", EventStream.STAFF.topic());
        topics.send(event("audit-eh1", new GradeInadequate("audit-eh1", "case-eh1", "svc-c", "team-c", MANAGER,
                GradedBy.AUDITOR, CLOCK.instant(), "staff-sw-c", List.of("plan"), uk.caseqa.contracts.AuditType.EARLY_HELP)));
        String id = "coc-audit-eh1";
        await().atMost(Duration.ofSeconds(30)).until(() -> asTheApiSeesIt(id).get("id") != null);
        String base = "http://localhost:" + port;
        LocalIdentity.shared().allowSignInAt(base);

        try (Browser head = Browser.start()) {
            head.openAs(base + "/pages/cases-of-concern/" + id, "swindon-head-of-service");
            assertThat(head.field("early-help-review").getText()).isEqualTo("Early Help QA panel: PENDING");
            head.press("Record the panel's review");
            assertThat(head.errorBeside("review")).isEqualTo("Error: Say whether the panel is assured or has concerns");
            head.assertAccessible();
            head.pick("review", "assured").press("Record the panel's review");
            assertThat(head.text()).contains("Panel assured");
            assertThat(head.field("early-help-review").getText()).isEqualTo("Early Help QA panel: ASSURED");
            head.assertAccessible();
        }
    }

    @Test
    void theServiceManagerOpensTheEmailLinkSignsInAndRecordsThePlan() {
        TopicProbe topics = TopicProbe.forPrefix(prefix);
        topics.send(event(MANAGER, new StaffMemberRegistered(MANAGER, StaffRole.SERVICE_MANAGER, "svc-c",
                "sm@council.example")));
        topics.awaitConsumed("concern-service", EventStream.STAFF.topic());
        topics.send(event("audit-p1", new GradeInadequate("audit-p1", "case-p1", "svc-c", "team-c", MANAGER,
                GradedBy.AUDITOR, CLOCK.instant(), "staff-sw-c", List.of("quality-of-planning"))));
        String id = "coc-audit-p1";
        await().atMost(Duration.ofSeconds(30)).until(() -> asTheApiSeesIt(id).get("id") != null);
        CLOCK.advance(Duration.ofHours(3));
        String base = "http://localhost:" + port;
        LocalIdentity.shared().allowSignInAt(base);

        try (Browser manager = Browser.start()) {
            manager.openAs(base + "/pages/cases-of-concern/" + id, "swindon-service-manager");
            assertThat(manager.heading()).isEqualTo(id);
            assertThat(manager.field("safety-plan-status").getText())
                    .isEqualTo("Due 17 November 2026 at 9:00am (21 hours left)");
            assertThat(manager.text()).contains("case-p1", "svc-c, team-c", "case of concern opened");
            manager.assertAccessible();

            manager.press("Record safety plan");
            assertThat(manager.errorSummary())
                    .containsExactly("Enter the management decision that keeps the child safe");
            assertThat(manager.errorBeside("decision"))
                    .isEqualTo("Error: Enter the management decision that keeps the child safe");
            assertThat(manager.driver().getTitle()).startsWith("Error: ");
            manager.assertAccessible();
            assertThat(asTheApiSeesIt(id).get("safetyPlanRecordedBy")).as("nothing recorded").isNull();

            manager.type("decision", "Strategy discussion held; child to stay with grandparents; visits daily.");
            manager.press("Record safety plan");
            assertThat(manager.text()).contains("Safety plan recorded");
            assertThat(manager.field("safety-plan-status").getText())
                    .isEqualTo("Recorded by staff-sm-demo on 16 November 2026 at 12:00pm");
            assertThat(manager.field("safety-plan").getText())
                    .isEqualTo("Strategy discussion held; child to stay with grandparents; visits daily.");
            assertThat(manager.driver().findElements(org.openqa.selenium.By.id("decision"))).isEmpty();
            manager.assertAccessible();
            assertThat(asTheApiSeesIt(id).get("safetyPlanRecordedBy")).isEqualTo(MANAGER);

            // the session alone cannot post a form: another site's page could make the browser send the cookie
            String cookie = manager.driver().manage().getCookieNamed("CASEQA_concern-service").getValue();
            var forged = RestClient.create(base).post().uri("/pages/cases-of-concern/{id}/safety-plan", id)
                    .header("Cookie", "CASEQA_concern-service=" + cookie)
                    .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                    .body("decision=Something+else").retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { })
                    .toEntity(String.class);
            assertThat(forged.getStatusCode().value()).as(forged.getBody()).isEqualTo(403);
            assertThat(forged.getBody()).contains("The form has expired");

            manager.driver().findElement(org.openqa.selenium.By.cssSelector(".app-sign-out__button")).click();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> manager.driver().getTitle().startsWith("You have signed out"));
            var afterSignOut = RestClient.create(base).get().uri("/pages/cases-of-concern/{id}", id)
                    .header("Cookie", "CASEQA_concern-service=" + cookie).header("Accept", "text/html")
                    .retrieve().onStatus(status -> true, (req, res) -> { }).toEntity(String.class);
            assertThat(afterSignOut.getStatusCode().value()).as("the old session is gone").isEqualTo(302);
            assertThat(afterSignOut.getHeaders().getLocation().getPath()).isEqualTo("/oauth2/authorization/caseqa");
        }

        try (Browser bolton = Browser.start()) {
            bolton.openAs(base + "/pages/cases-of-concern/" + id, "bolton-service-manager");
            assertThat(bolton.heading()).isEqualTo("Page not found");
            assertThat(bolton.text()).doesNotContain("case-p1");
            bolton.assertAccessible();
        }
    }
}
