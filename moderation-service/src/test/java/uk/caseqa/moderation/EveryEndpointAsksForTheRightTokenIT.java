package uk.caseqa.moderation;

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
import uk.caseqa.contracts.AuditAllocated;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.ModerationAssigned;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.testsupport.EndpointWalk;
import uk.caseqa.testsupport.MutableClock;
import uk.caseqa.testsupport.TestIssuer;
import uk.caseqa.testsupport.TopicProbe;
import uk.caseqa.testsupport.WithRealInfrastructure;

/**
 * Every endpoint of moderation-service, found from its own mappings: 401 without a token, 403 with every other
 * role, nothing of Swindon's for Bolton's caller, and the right person of Swindon served; only the assigned
 * moderator decides, whatever role another token carries.
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ModerationServiceApplication.CONFIG_NAME})
class EveryEndpointAsksForTheRightTokenIT {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-16T09:00:00Z"));
    static final String QA = "staff-qa-m";
    static final String QA_TWO = "staff-qa-m2";
    static final String IRO = "staff-iro-m";

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

    static <T extends EventPayload> EventEnvelope<T> event(String subject, T data) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", CLOCK.instant(), subject, "swindon",
                "corr-" + subject, data);
    }

    RestClient http() {
        return RestClient.create("http://localhost:" + port);
    }

    /** An Inadequate audit completed in Swindon: always moderated there, by one of its QA managers. */
    String completedInadequate(TopicProbe topics, String auditId) {
        topics.send(event(auditId, new AuditAllocated(auditId, "case-" + auditId, "staff-tm-m", QA,
                CLOCK.instant().plus(Duration.ofDays(14)), IRO)));
        topics.send(event(auditId, new AuditCompleted(auditId, "case-" + auditId, "svc-m", "team-m", "staff-tm-m",
                "staff-sw-m", "staff-sm-m", Grade.INADEQUATE, Map.of("quality-of-planning", Grade.INADEQUATE), true,
                CLOCK.instant(), null, null)));
        return ((ModerationAssigned) topics.awaitEvents(EventStream.MODERATION.topic(), "ModerationAssigned",
                e -> e.subject().equals(auditId)).get(0).data()).moderatorId();
    }

    @Test
    void everyEndpointRefusesTheWrongCallerAndServesTheRightOne() {
        TopicProbe topics = TopicProbe.forPrefix(prefix);
        topics.send(event(QA, new StaffMemberRegistered(QA, StaffRole.QA_MANAGER, "qa", "qam@council.example")));
        topics.send(event(QA_TWO, new StaffMemberRegistered(QA_TWO, StaffRole.QA_MANAGER, "qa",
                "qam2@council.example")));
        topics.awaitConsumed("moderation-service", EventStream.STAFF.topic());
        String moderator = completedInadequate(topics, "audit-m1");
        String secondModerator = completedInadequate(topics, "audit-m2");
        http().post().uri("/moderations/{id}/decision", "audit-m2")
                .header("Authorization", TestIssuer.bearerOf("swindon", secondModerator, "MODERATOR"))
                .body(Map.of("rationale", "Agree.")).retrieve().toBodilessEntity();
        Map<?, ?> panel = http().post().uri("/panels").header("Authorization", TestIssuer.bearerOf("swindon", QA,
                "QA_TEAM")).body(Map.of("date", "2026-12-01", "members", List.of(QA, QA_TWO))).retrieve()
                .body(Map.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> !http().get().uri("/iro-comments/{id}", "audit-m1")
                .header("Authorization", TestIssuer.bearerOf("swindon", IRO, "IRO")).retrieve()
                .onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(String.class).getStatusCode()
                .isError());

        Map<String, String> values = new LinkedHashMap<>(Map.of("auditId", "audit-m1", "moderatorId", moderator,
                "panelId", (String) panel.get("panelId")));
        values.put("POST /panels/{panelId}/audits/{auditId}/return#auditId", "audit-m2");
        LinkedHashMap<String, Object> bodies = new LinkedHashMap<>();
        Map<String, String> actors = new LinkedHashMap<>();
        bodies.put("POST /iro-comments/{auditId}", Map.of("comment", "The plan is being reviewed at conference."));
        actors.put("POST /iro-comments/{auditId}", IRO);
        bodies.put("POST /moderations/{auditId}/moderator", Map.of("moderatorId", moderator));
        actors.put("POST /moderations/{auditId}/moderator", QA);
        bodies.put("POST /moderations/{auditId}/decision", Map.of("rationale", "Agree: no plan for the risks."));
        actors.put("POST /moderations/{auditId}/decision", moderator);
        bodies.put("POST /panels", Map.of("date", "2026-12-08", "members", List.of(QA, QA_TWO)));
        actors.put("POST /panels", QA);
        bodies.put("POST /panels/{panelId}/audits/{auditId}/return", Map.of("reason", "More evidence of the plan."));
        actors.put("POST /panels/{panelId}/audits/{auditId}/return", QA_TWO);
        bodies.put("POST /panels/{panelId}/audits/{auditId}/acceptance", Map.of("findings", "Consistent grading."));
        actors.put("POST /panels/{panelId}/audits/{auditId}/acceptance", QA_TWO);
        actors.put("POST /moderations/{auditId}/close", QA);
        actors.put("POST /pages/moderations/{auditId}/close", QA);
        bodies.put("POST /moderations/{auditId}/close", Map.of());

        List<String> walked = EndpointWalk.walk(context, "http://localhost:" + port,
                new EndpointWalk.Fixture("swindon", "bolton", values, bodies, actors));
        System.out.println("moderation-service endpoints walked:\n  " + String.join("\n  ", walked));
        assertThat(walked).hasSizeGreaterThanOrEqualTo(14);
    }

    @Test
    void onlyTheAssignedModeratorDecidesWhateverRoleAnotherTokenCarries() {
        TopicProbe topics = TopicProbe.forPrefix(prefix);
        topics.send(event("staff-qa-x", new StaffMemberRegistered("staff-qa-x", StaffRole.QA_MANAGER, "qa",
                "qax@council.example")));
        topics.awaitConsumed("moderation-service", EventStream.STAFF.topic());
        String moderator = completedInadequate(topics, "audit-x1");

        var byAnother = http().post().uri("/moderations/{id}/decision", "audit-x1")
                .header("Authorization", TestIssuer.bearerOf("swindon", "staff-someone-else", "MODERATOR", "QA_TEAM"))
                .body(Map.of("rationale", "Agree.")).retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { })
                .toEntity(String.class);
        assertThat(byAnother.getStatusCode().value()).isEqualTo(403);
        assertThat(http().get().uri("/moderations?moderatorId={id}", moderator)
                .header("Authorization", TestIssuer.bearerOf("swindon", "staff-someone-else", "MODERATOR"))
                .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { }).toBodilessEntity().getStatusCode()
                .value()).as("another moderator's queue").isEqualTo(403);
        assertThat(http().get().uri("/moderations")
                .header("Authorization", TestIssuer.bearerOf("swindon", moderator, "MODERATOR")).retrieve()
                .body(List.class)).as("one's own queue, by default").hasSize(1);
        assertThat(http().post().uri("/moderations/{id}/decision", "audit-x1")
                .header("Authorization", TestIssuer.bearerOf("swindon", moderator, "MODERATOR"))
                .body(Map.of("rationale", "Agree.")).retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
    }
}
