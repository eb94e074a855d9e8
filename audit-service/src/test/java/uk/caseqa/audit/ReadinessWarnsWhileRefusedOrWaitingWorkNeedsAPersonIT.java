package uk.caseqa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.contracts.ShortAuditScheduled;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.testsupport.TestIssuer;
import uk.caseqa.testsupport.TopicProbe;
import uk.caseqa.testsupport.WithRealInfrastructure;

/**
 * An operator looks at readiness and the metrics: a record refused onto the dead-letter topic, and a request parked
 * for a case not known yet, each show there (a warning: the service still serves), with where to look; readiness
 * asks the broker, the binder and the store; Prometheus scrapes the outbox backlog, the consumer lag and the dead
 * letters on the management port without a token.
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + AuditServiceApplication.CONFIG_NAME)
class ReadinessWarnsWhileRefusedOrWaitingWorkNeedsAPersonIT {

    @LocalServerPort
    int port;
    /** Actuator answers on its own port, apart from the API. */
    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;
    @Value("${caseqa.topic-prefix}")
    String prefix;

    @Test
    @SuppressWarnings("unchecked")
    void aDeadLetterAndAParkedRequestTurnReadinessToAWarningWithTheirCounts() {
        TopicProbe topics = TopicProbe.forPrefix(prefix);
        String ops = TestIssuer.bearerOf("swindon", "ops-1", "OPS");
        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", ops).build();
        RestClient actuator = RestClient.builder().baseUrl("http://localhost:" + managementPort)
                .defaultHeader("Authorization", ops).build();
        topics.send(EventStream.CASES.topicFor("swindon"), "case-garbled", "{\"type\":\"CaseOpened\", garbled");
        topics.awaitRecords(EventStream.CASES.topic() + ".audit-service.dlq", r -> "case-garbled".equals(r.key()));
        topics.send(EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:concern-service", Instant.now(),
                "ri-audit-9", "swindon", "corr-ri-9", new ShortAuditScheduled("ri-audit-9", "audit-9", "case-unknown",
                        Instant.now().plus(Duration.ofDays(42)), StaffRole.QA_MANAGER, 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !http.get().uri("/parked-requests?localAuthority=swindon")
                .retrieve().body(List.class).isEmpty());

        Map<String, Object> readiness = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> actuator.get().uri("/actuator/health/readiness").retrieve().body(Map.class),
                        r -> "WARNING".equals(r.get("status")) && deadLetters(r) == 1);
        Map<String, Object> components = (Map<String, Object>) readiness.get("components");
        assertThat(((Map<String, Object>) ((Map<String, Object>) components.get("parkedRequests")).get("details"))
                .get("parkedRequests")).isEqualTo(1);
        assertThat(components.get("readinessState").toString()).contains("UP");
        assertThat(components).as("readiness asks the broker, the binder and the store")
                .containsKeys("kafkaBroker", "binders", "mongoStore");

        Map<String, Object> gauge = actuator.get().uri("/actuator/metrics/caseqa.dead_letters").retrieve().body(Map.class);
        assertThat(((List<Map<String, Object>>) gauge.get("measurements")).get(0).get("value")).isEqualTo(1.0);
        assertThat(actuator.get().uri("/actuator/health/liveness").retrieve().body(Map.class).get("status"))
                .as("liveness stays apart").isEqualTo("UP");
        assertThat(http.get().uri("/actuator/health/readiness").retrieve().onStatus(s -> true, (req, res) -> { })
                .toEntity(String.class).getStatusCode().value()).as("not on the API's port").isEqualTo(404);
        Map<String, Object> probe = RestClient.create("http://localhost:" + managementPort).get()
                .uri("/actuator/health/readiness")
                .retrieve().body(Map.class);
        assertThat(probe).as("a probe without a token reads the status, not the components and their details")
                .containsEntry("status", "WARNING").doesNotContainKeys("components", "details");
    }

    @Test
    void prometheusScrapesTheBacklogLagAndDeadLettersWithoutAToken() {
        RestClient scraper = RestClient.create("http://localhost:" + managementPort);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(scraper.get().uri("/actuator/prometheus").retrieve().body(String.class))
                        .contains("caseqa_outbox_pending{application=\"audit-service\",collection=\"audits\"}")
                        .contains("caseqa_outbox_oldest_age_seconds{application=\"audit-service\",collection=\"audits\"}")
                        .contains("caseqa_dead_letters{")
                        .as("the binder's consumer lag, by group and topic")
                        .contains("spring_cloud_stream_binder_kafka_offset{"));
    }

    @SuppressWarnings("unchecked")
    static int deadLetters(Map<String, Object> readiness) {
        Map<String, Object> component = (Map<String, Object>) ((Map<String, Object>) readiness.get("components"))
                .get("deadLetters");
        Object count = ((Map<String, Object>) component.get("details")).get("deadLetters");
        return count == null ? -1 : ((Number) count).intValue();
    }
}
