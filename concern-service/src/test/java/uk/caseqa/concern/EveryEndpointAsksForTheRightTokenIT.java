package uk.caseqa.concern;

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
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.contracts.GradeInadequate;
import uk.caseqa.contracts.GradedBy;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.testsupport.EndpointWalk;
import uk.caseqa.testsupport.MutableClock;
import uk.caseqa.testsupport.TestIssuer;
import uk.caseqa.testsupport.TopicProbe;
import uk.caseqa.testsupport.WithRealInfrastructure;

/**
 * Every endpoint of concern-service, found from its own mappings: 401 without a token, 403 with every other role,
 * nothing of Swindon's for Bolton's caller, and the right person of Swindon served; the safety plan is recorded
 * only with the case's own service manager's token (or the escalation chain's), not another service manager's.
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ConcernServiceApplication.CONFIG_NAME})
class EveryEndpointAsksForTheRightTokenIT {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-16T09:00:00Z"));
    static final String MANAGER = "staff-sm-c";

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

    String caseOfConcern(TopicProbe topics, String auditId, String manager) {
        topics.send(event(auditId, new GradeInadequate(auditId, "case-" + auditId, "svc-c", "team-c", manager,
                GradedBy.AUDITOR, CLOCK.instant(), "staff-sw-c", List.of("quality-of-planning"))));
        String id = "coc-" + auditId;
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get().uri("/cases-of-concern/{id}", id)
                .header("Authorization", TestIssuer.bearerOf("swindon", manager, "SERVICE_MANAGER")).retrieve()
                .onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(String.class).getStatusCode()
                .is2xxSuccessful());
        return id;
    }

    @Test
    void everyEndpointRefusesTheWrongCallerAndServesTheRightOne() {
        TopicProbe topics = TopicProbe.forPrefix(prefix);
        topics.send(event(MANAGER, new StaffMemberRegistered(MANAGER, StaffRole.SERVICE_MANAGER, "svc-c",
                "smc@council.example")));
        topics.awaitConsumed("concern-service", EventStream.STAFF.topic());
        String id = caseOfConcern(topics, "audit-c1", MANAGER);

        LinkedHashMap<String, Object> bodies = new LinkedHashMap<>();
        Map<String, String> actors = new LinkedHashMap<>();
        bodies.put("POST /cases-of-concern/{id}/safety-plan", Map.of("decision", "Strategy discussion today."));
        actors.put("POST /cases-of-concern/{id}/safety-plan", MANAGER);
        actors.put("POST /pages/cases-of-concern/{id}/safety-plan", MANAGER);
        bodies.put("POST /cases-of-concern/{id}/early-help-review", Map.of("concerns", false));
        actors.put("POST /cases-of-concern/{id}/early-help-review", MANAGER);

        List<String> walked = EndpointWalk.walk(context, "http://localhost:" + port,
                new EndpointWalk.Fixture("swindon", "bolton", Map.of("id", id), bodies, actors));
        System.out.println("concern-service endpoints walked:\n  " + String.join("\n  ", walked));
        assertThat(walked).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void aSafetyPlanIsRecordedOnlyWithTheCasesOwnServiceManagersToken() {
        TopicProbe topics = TopicProbe.forPrefix(prefix);
        topics.send(event("staff-sm-own", new StaffMemberRegistered("staff-sm-own", StaffRole.SERVICE_MANAGER,
                "svc-c", "own@council.example")));
        topics.send(event("staff-sm-other", new StaffMemberRegistered("staff-sm-other", StaffRole.SERVICE_MANAGER,
                "svc-other", "other@council.example")));
        topics.awaitConsumed("concern-service", EventStream.STAFF.topic());
        String id = caseOfConcern(topics, "audit-c2", "staff-sm-own");

        var byAnother = http().post().uri("/cases-of-concern/{id}/safety-plan", id)
                .header("Authorization", TestIssuer.bearerOf("swindon", "staff-sm-other", "SERVICE_MANAGER"))
                .body(Map.of("decision", "Not my case.")).retrieve()
                .onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(String.class);
        assertThat(byAnother.getStatusCode().value()).as("another service's manager does not see it").isEqualTo(404);
        var byOwn = http().post().uri("/cases-of-concern/{id}/safety-plan", id)
                .header("Authorization", TestIssuer.bearerOf("swindon", "staff-sm-own", "SERVICE_MANAGER"))
                .body(Map.of("decision", "Daily visits until the strategy meeting.")).retrieve()
                .body(Map.class);
        assertThat(byOwn.get("safetyPlanRecordedBy")).isEqualTo("staff-sm-own");
    }

    @Test
    void aServiceManagerSeesTheirOwnServicesCasesOfConcernAndNoOtherServices() {
        TopicProbe topics = TopicProbe.forPrefix(prefix);
        topics.send(event("staff-hos-c", new StaffMemberRegistered("staff-hos-c", StaffRole.SERVICE_MANAGER, "team-x",
                "hos@council.example", null, null, "svc-c")));
        topics.send(event("staff-sm-elsewhere", new StaffMemberRegistered("staff-sm-elsewhere",
                StaffRole.SERVICE_MANAGER, "team-y", "elsewhere@council.example", null, null, "svc-elsewhere")));
        topics.send(event("staff-head-c", new StaffMemberRegistered("staff-head-c", StaffRole.HEAD_OF_SERVICE,
                "team-z", "head@council.example", null, null, "svc-elsewhere")));
        topics.awaitConsumed("concern-service", EventStream.STAFF.topic());
        String id = caseOfConcern(topics, "audit-c3", "staff-sm-named");

        String sameService = TestIssuer.bearerOf("swindon", "staff-hos-c", "SERVICE_MANAGER");
        String otherService = TestIssuer.bearerOf("swindon", "staff-sm-elsewhere", "SERVICE_MANAGER");
        assertThat(status("/cases-of-concern/" + id, sameService)).as("a manager of its service").isEqualTo(200);
        assertThat(ids(sameService)).contains(id);
        assertThat(status("/cases-of-concern/" + id, otherService)).as("another service's manager").isEqualTo(404);
        assertThat(status("/cases-of-concern/" + id + "/history", otherService)).isEqualTo(404);
        assertThat(ids(otherService)).doesNotContain(id);
        String escalatedTo = TestIssuer.bearerOf("swindon", "staff-head-c", "SERVICE_MANAGER");
        assertThat(status("/cases-of-concern/" + id, escalatedTo))
                .as("the head of service the profile escalates the plan to, though placed elsewhere").isEqualTo(200);
        assertThat(ids(TestIssuer.bearerOf("swindon", "staff-qa-c", "QA_TEAM"))).as("the QA team: the council's")
                .contains(id);
    }

    int status(String uri, String bearer) {
        return http().get().uri(uri).header("Authorization", bearer).retrieve()
                .onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(String.class).getStatusCode().value();
    }

    @SuppressWarnings("unchecked")
    List<String> ids(String bearer) {
        List<Map<String, Object>> open = http().get().uri("/cases-of-concern").header("Authorization", bearer)
                .retrieve().body(List.class);
        return open.stream().map(f -> (String) f.get("id")).toList();
    }
}
