package uk.caseqa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;
import uk.caseqa.audit.application.CaseRegistry;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.testsupport.Browser;
import uk.caseqa.testsupport.LocalIdentity;
import uk.caseqa.testsupport.MutableClock;
import uk.caseqa.testsupport.TopicProbe;
import uk.caseqa.testsupport.WithRealInfrastructure;

/**
 * The auditor signs in, finds the audit on My work, submits the empty form (every missing answer is shown beside its
 * field and nothing changes), saves a draft and finds it again, then grades every domain Inadequate, gives the
 * rationale, the family's and the practitioner's feedback and an action, submits, and sees the audit read-only.
 * Every page passes axe-core.
 */
@WithRealInfrastructure(localIdentity = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + AuditServiceApplication.CONFIG_NAME})
class AnAuditorFillsInTheAuditFormIT {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-16T09:00:00Z"));
    static final String AUDITOR = "staff-tm-demo";
    static final String QA = "staff-qa-demo";
    static final String WORKER = "staff-sw-f";

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
    @Autowired
    CaseRegistry cases;

    static <T extends EventPayload> EventEnvelope<T> event(String subject, T data) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", Instant.parse("2025-01-01T00:00:00Z"),
                subject, "swindon", "corr-" + subject, data);
    }

    RestClient http() {
        return RestClient.create("http://localhost:" + port);
    }

    Map<?, ?> asTheApiSeesIt(String auditId) {
        return http().get().uri("/audits/{id}", auditId)
                .header("Authorization", LocalIdentity.shared().of("swindon", QA, "QA_TEAM", "PANEL_MEMBER",
                        "MODERATOR")).retrieve().body(Map.class);
    }

    @Test
    void theAuditorFindsTheAuditOnMyWorkAndSubmitsItFromTheForm() {
        TopicProbe topics = TopicProbe.forPrefix(prefix);
        topics.send(event(AUDITOR, new StaffMemberRegistered(AUDITOR, StaffRole.TEAM_MANAGER, "team-f",
                "tm@council.example")));
        topics.send(event(QA, new StaffMemberRegistered(QA, StaffRole.QA_MANAGER, "qa", "qa@council.example")));
        topics.send(event(WORKER, new StaffMemberRegistered(WORKER, StaffRole.SOCIAL_WORKER, "team-f",
                "sw@council.example")));
        topics.send(event("case-f1", new CaseOpened("case-f1", Cohort.CP, "svc-f", "team-f", WORKER, AUDITOR,
                "staff-sm-f", "staff-iro-f")));
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.find("swindon", "case-f1").isPresent());
        String auditId = (String) await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> http().post()
                .uri("/audits").header("Authorization", LocalIdentity.shared().of("swindon", QA, "QA_TEAM",
                        "PANEL_MEMBER", "MODERATOR"))
                .body(Map.of("caseId", "case-f1", "auditorId", AUDITOR)).retrieve().body(Map.class),
                a -> a != null).get("auditId");
        String base = "http://localhost:" + port;
        LocalIdentity.shared().allowSignInAt(base);

        try (Browser auditor = Browser.start()) {
            auditor.openAs(base + "/pages/my-audits", "swindon-auditor");
            assertThat(auditor.heading()).isEqualTo("My audits and actions");
            assertThat(auditor.field("audits").getText()).contains(auditId, "case-f1");
            auditor.assertAccessible();

            auditor.follow(auditId);
            assertThat(auditor.heading()).isEqualTo(auditId);
            auditor.assertAccessible();
            int domains = auditor.driver().findElements(
                    By.cssSelector("input[type=radio][name^='domain-'][value='INADEQUATE']")).size();
            assertThat(domains).as("the template's domains").isGreaterThan(1);

            auditor.press("Submit audit");
            assertThat(auditor.errorSummary()).hasSize(domains + 3)
                    .contains("Choose the overall grade", "Give the rationale for the overall grade",
                            "Say who gave the family's feedback, or why none was obtained");
            assertThat(auditor.errorBeside("overallGrade")).isEqualTo("Error: Choose the overall grade");
            auditor.assertAccessible();
            assertThat(asTheApiSeesIt(auditId).get("status")).isEqualTo("ALLOCATED");

            auditor.pick("overallGrade", "INADEQUATE").type("rationale", "Drift in planning; risks not assessed.");
            auditor.press("Save draft");
            assertThat(auditor.text()).contains("Draft saved");
            assertThat(auditor.driver().findElement(By.cssSelector(
                    "input[name='overallGrade'][value='INADEQUATE']")).isSelected()).isTrue();
            assertThat(auditor.field("rationale").getAttribute("value"))
                    .isEqualTo("Drift in planning; risks not assessed.");

            for (WebElement inadequate : auditor.driver().findElements(
                    By.cssSelector("input[type=radio][name^='domain-'][value='INADEQUATE']"))) {
                inadequate.click();
            }
            auditor.type("respondentType", "Parent").type("other-PRACTITIONER-summary",
                    "Discussed with the social worker.");
            auditor.type("action1-what", "Hold a strategy discussion").type("action1-owner", WORKER);
            auditor.type("action1-due", "20").type("action1-due-month", "11").type("action1-due-year", "2026");
            auditor.press("Submit audit");

            assertThat(auditor.errorSummary()).as(auditor.text()).isEmpty();
            assertThat(auditor.text()).contains("Audit submitted");
            assertThat(auditor.field("audit-status").getText()).isEqualTo("COMPLETED");
            assertThat(auditor.field("overall-grade").getText()).isEqualTo("INADEQUATE");
            assertThat(auditor.driver().findElements(By.id("rationale"))).as("read-only now").isEmpty();
            auditor.assertAccessible();
            assertThat(asTheApiSeesIt(auditId).get("overallGrade")).isEqualTo("INADEQUATE");

            auditor.follow("Hold a strategy discussion");
            assertThat(auditor.field("action-status").getText()).isEqualTo("OPEN");
            assertThat(auditor.field("action-due").getText()).isEqualTo("21 November 2026 at 12:00am (4 days left)");
            auditor.press("Record");
            assertThat(auditor.errorSummary()).containsExactly("Say whether the action was done",
                    "Give the evidence that the action was done");
            auditor.assertAccessible();
            auditor.pick("outcome", "done").type("note", "Strategy discussion held on 18 November.").press("Record");
            assertThat(auditor.text()).contains("Action recorded as done");
            assertThat(auditor.field("action-status").getText()).isEqualTo("COMPLETED");
            auditor.assertAccessible();

            auditor.open(base + "/pages/trackers");
            assertThat(auditor.heading()).as("trackers are the QA team's and managers'")
                    .isEqualTo("This is not yours to do");
        }

        try (Browser qa = Browser.start()) {
            qa.openAs(base + "/pages/trackers", "swindon-qa");
            assertThat(qa.field("allocation").getText()).contains(auditId, "case-f1", AUDITOR);
            assertThat(qa.field("actions").getText()).contains("Hold a strategy discussion", WORKER);
            qa.assertAccessible();
            Object download = qa.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(document.getElementById('allocation-workbook').href).then(r => r.arrayBuffer()"
                    + ".then(b => done(r.status + ' ' + r.headers.get('content-type') + ' ' + b.byteLength)));");
            assertThat(String.valueOf(download)).as("the workbook, downloaded as the signed-in person")
                    .startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet ");
        }
    }
}
