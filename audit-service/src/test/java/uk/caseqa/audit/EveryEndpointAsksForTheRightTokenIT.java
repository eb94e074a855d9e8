package uk.caseqa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;
import uk.caseqa.audit.application.CaseRegistry;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.testsupport.EndpointWalk;
import uk.caseqa.testsupport.MutableClock;
import uk.caseqa.testsupport.TestIssuer;
import uk.caseqa.testsupport.TopicProbe;
import uk.caseqa.testsupport.WithRealInfrastructure;

/**
 * Every endpoint of audit-service, found from its own mappings, refuses a call without a token (401) and with a token
 * of every other role (403), shows another council's caller nothing of Swindon's (404), and lets the right person of
 * Swindon through; a write attributed to a person is refused with anyone else's token; the attribution log holds
 * what was read and written, for the council's information governance alone.
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + AuditServiceApplication.CONFIG_NAME})
class EveryEndpointAsksForTheRightTokenIT {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-16T09:00:00Z"));
    static final String QA = "staff-qa-w";
    static final String AUDITOR = "staff-tm-w";
    static final String WORKER = "staff-sw-w";

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
    ApplicationContext context;
    @Autowired
    CaseRegistry cases;

    RestClient http() {
        return RestClient.create("http://localhost:" + port);
    }

    static <T extends EventPayload> EventEnvelope<T> event(String subject, T data) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", Instant.parse("2025-01-01T00:00:00Z"),
                subject, "swindon", "corr-" + subject, data);
    }

    String as(String staffId, String... roles) {
        return TestIssuer.bearerOf("swindon", staffId, roles);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> allocate(String caseId) {
        return await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> http().post().uri("/audits")
                .header("Authorization", as(QA, "QA_TEAM")).body(Map.of("caseId", caseId, "auditorId", AUDITOR))
                .retrieve().body(Map.class), a -> a != null);
    }

    Map<String, Object> submission(String auditId) {
        return Map.of("domainGrades", TemplateForm.everyDomain(http(), as(AUDITOR, "AUDITOR"), auditId, "GOOD",
                        Map.of("chronology", "REQUIRES_IMPROVEMENT")), "overallGrade", "GOOD",
                "rationale", "Graded with the social worker.",
                "familyFeedback", Map.of("respondentType", "PARENT", "wantsToHearWhatChanged", true),
                "otherFeedback", TemplateForm.PRACTITIONER,
                "actions", List.of(Map.of("what", "Update the chronology", "ownerId", WORKER, "dueOn", "2026-12-01",
                        "immediate", false)));
    }

    @Test
    void everyEndpointRefusesTheWrongCallerAndServesTheRightOne() {
        TopicProbe topics = TopicProbe.forPrefix(prefix);
        topics.send(event(AUDITOR, new StaffMemberRegistered(AUDITOR, StaffRole.TEAM_MANAGER, "team-w",
                "tmw@council.example")));
        topics.send(event(QA, new StaffMemberRegistered(QA, StaffRole.QA_MANAGER, "qa", "qaw@council.example")));
        topics.send(event(WORKER, new StaffMemberRegistered(WORKER, StaffRole.SOCIAL_WORKER, "team-w",
                "sww@council.example")));
        for (String caseId : List.of("case-w1", "case-w2", "case-w3")) {
            topics.send(event(caseId, new CaseOpened(caseId, Cohort.CP, "svc-w", "team-w", WORKER, AUDITOR,
                    "staff-sm-w", "staff-iro-w")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.find("swindon", "case-w3").isPresent());
        String drafted = (String) allocate("case-w1").get("auditId");
        http().put().uri("/audits/{id}/draft", drafted).header("Authorization", as(AUDITOR, "AUDITOR"))
                .body(Map.of("rationale", "half written")).retrieve().toBodilessEntity();
        String submitted = (String) allocate("case-w2").get("auditId");
        http().post().uri("/audits/{id}/submission", submitted).header("Authorization", as(AUDITOR, "AUDITOR"))
                .body(submission(submitted)).retrieve().toBodilessEntity();
        String toSubmit = (String) allocate("case-w3").get("auditId");
        Map<?, ?> cycle = http().post().uri("/audit-cycles").header("Authorization", as(QA, "QA_TEAM"))
                .body(Map.of("seed", 7)).retrieve().body(Map.class);

        Map<String, String> values = new LinkedHashMap<>(Map.of("auditId", drafted, "caseId", "case-w1",
                "cycleId", (String) cycle.get("cycleId"), "actionId", submitted + "-a1"));
        for (String action : List.of("completion", "not-done", "verification")) {
            values.put("POST /audits/{auditId}/actions/{actionId}/" + action + "#auditId", submitted);
        }
        values.put("GET /pages/audits/{auditId}/actions/{actionId}#auditId", submitted);
        values.put("POST /pages/audits/{auditId}/actions/{actionId}#auditId", submitted);
        values.put("POST /audits/{auditId}/supervision-reflection#auditId", submitted);
        values.put("POST /audits/{auditId}/submission#auditId", toSubmit);
        LinkedHashMap<String, Object> bodies = new LinkedHashMap<>();
        Map<String, String> actors = new LinkedHashMap<>();
        bodies.put("PUT /audits/{auditId}/draft", Map.of("rationale", "three quarters written"));
        actors.put("PUT /audits/{auditId}/draft", AUDITOR);
        actors.put("POST /pages/audits/{auditId}", AUDITOR);
        bodies.put("POST /audits/{auditId}/submission", submission(toSubmit));
        actors.put("POST /audits/{auditId}/submission", AUDITOR);
        bodies.put("POST /audits/{auditId}/actions/{actionId}/completion", Map.of("evidence", "Chronology updated"));
        actors.put("POST /audits/{auditId}/actions/{actionId}/completion", WORKER);
        bodies.put("POST /audits/{auditId}/actions/{actionId}/not-done", Map.of("reason", "Superseded"));
        actors.put("POST /audits/{auditId}/actions/{actionId}/not-done", WORKER);
        bodies.put("POST /action-verification-samples", Map.of("size", 1));
        actors.put("POST /action-verification-samples", QA);
        bodies.put("POST /audits/{auditId}/actions/{actionId}/verification", Map.of("confirmed", true));
        actors.put("POST /audits/{auditId}/actions/{actionId}/verification", QA);
        bodies.put("POST /audits/{auditId}/supervision-reflection", Map.of("reflectedOn", "2026-11-20"));
        actors.put("POST /audits/{auditId}/supervision-reflection", AUDITOR);
        bodies.put("POST /audits/{auditId}/reallocation", Map.of("auditorId", AUDITOR));
        actors.put("POST /audits/{auditId}/reallocation", QA);
        bodies.put("POST /audits", Map.of("caseId", "case-w1", "auditorId", AUDITOR));
        actors.put("POST /audits", QA);
        bodies.put("POST /audits/thematic", Map.of("theme", "Life story work", "maxCases", 1,
                "auditorIds", List.of(AUDITOR)));
        actors.put("POST /audits/thematic", QA);
        bodies.put("POST /audit-cycles", Map.of("seed", 7));
        actors.put("POST /audit-cycles", QA);
        bodies.put("POST /managers-dip-samples", Map.of("theme", "Supervision"));
        actors.put("POST /managers-dip-samples", QA);
        bodies.put("POST /practice-weeks", Map.of("startsOn", "2026-12-07"));
        actors.put("POST /practice-weeks", QA);
        values.put("breakdown", "TEAM");

        List<String> walked = EndpointWalk.walk(context, "http://localhost:" + port,
                new EndpointWalk.Fixture("swindon", "bolton", values, bodies, actors));
        System.out.println("audit-service endpoints walked:\n  " + String.join("\n  ", walked));
        assertThat(walked).hasSizeGreaterThanOrEqualTo(25);
    }

    @Test
    void aWriteAttributedToAPersonNeedsThatPersonsTokenAndTheLogShowsWhoReadAndWroteWhat() {
        TopicProbe topics = TopicProbe.forPrefix(prefix);
        topics.send(event("staff-tm-x", new StaffMemberRegistered("staff-tm-x", StaffRole.TEAM_MANAGER, "team-x",
                "tmx@council.example")));
        topics.send(event("staff-tm-y", new StaffMemberRegistered("staff-tm-y", StaffRole.TEAM_MANAGER, "team-x",
                "tmy@council.example")));
        topics.send(event("case-x1", new CaseOpened("case-x1", Cohort.CIN, "svc-x", "team-x", "staff-sw-x",
                "staff-tm-y", "staff-sm-x", null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.find("swindon", "case-x1").isPresent());
        Map<?, ?> audit = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> http().post()
                .uri("/audits").header("Authorization", as("staff-qa-x", "QA_TEAM"))
                .body(Map.of("caseId", "case-x1", "auditorId", "staff-tm-x")).retrieve().body(Map.class),
                a -> a != null);
        String auditId = (String) audit.get("auditId");

        var byAnotherAuditor = http().put().uri("/audits/{id}/draft", auditId)
                .header("Authorization", as("staff-tm-y", "AUDITOR")).body(Map.of("rationale", "not mine"))
                .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(Map.class);
        assertThat(byAnotherAuditor.getStatusCode().value()).as("an auditor's token for someone else's audit")
                .isEqualTo(403);
        http().put().uri("/audits/{id}/draft", auditId).header("Authorization", as("staff-tm-x", "AUDITOR"))
                .body(Map.of("rationale", "mine")).retrieve().toBodilessEntity();
        assertThat(http().get().uri("/audits/{id}/draft", auditId).header("Authorization", as("staff-tm-y",
                "AUDITOR")).retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { }).toBodilessEntity()
                .getStatusCode().value()).as("another auditor reads no one else's audit in progress").isEqualTo(403);
        http().get().uri("/audits/{id}", auditId).header("Authorization", as("staff-sm-x", "SERVICE_MANAGER"))
                .retrieve().toBodilessEntity();

        List<Map<String, Object>> log = attribution(as("ig-1", "INFORMATION_GOVERNANCE"), auditId);
        assertThat(log).extracting(e -> e.get("staffId") + " " + e.get("action") + " " + e.get("method") + " "
                        + e.get("route") + " " + e.get("status"))
                .contains("staff-tm-y WRITE PUT /audits/{auditId}/draft 403",
                        "staff-tm-x WRITE PUT /audits/{auditId}/draft 200",
                        "staff-sm-x READ GET /audits/{auditId} 200");
        assertThat(log).allSatisfy(e -> {
            assertThat(e.get("council")).isEqualTo("swindon");
            assertThat(e.get("from")).isNotNull();
            assertThat(e.toString()).doesNotContain("mine").doesNotContain("not mine");
        });
        assertThat(attribution(TestIssuer.bearerOf("bolton", "ig-b", "INFORMATION_GOVERNANCE"), auditId))
                .as("Bolton's information governance sees none of Swindon's").isEmpty();
        assertThat(http().get().uri("/attribution-log").header("Authorization", as("staff-qa-x", "QA_TEAM"))
                .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { }).toBodilessEntity()
                .getStatusCode().value()).as("only information governance reads the log").isEqualTo(403);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> attribution(String bearer, String recordId) {
        return http().get().uri("/attribution-log?recordId={id}", recordId).header("Authorization", bearer)
                .retrieve().body(List.class);
    }
}
