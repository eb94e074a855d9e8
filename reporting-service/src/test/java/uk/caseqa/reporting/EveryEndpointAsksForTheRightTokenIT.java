package uk.caseqa.reporting;

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
import org.springframework.web.client.RestClient;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.ModerationWaived;
import uk.caseqa.testsupport.EndpointWalk;
import uk.caseqa.testsupport.MutableClock;
import uk.caseqa.testsupport.TestIssuer;
import uk.caseqa.testsupport.TopicProbe;
import uk.caseqa.testsupport.WithRealInfrastructure;

/**
 * Every endpoint of reporting-service, found from its own mappings: 401 without a token, 403 with every other role
 * (a board reader reads aggregates, never a case-level record elsewhere; a machine dashboard reads with its scope),
 * nothing of Swindon's for Bolton's reader, Swindon's reader served; the dashboard's shell alone is open.
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ReportingServiceApplication.CONFIG_NAME, "caseqa.reporting.publish-interval=200ms"})
class EveryEndpointAsksForTheRightTokenIT {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-20T09:00:00Z"));

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

    static <T extends EventPayload> EventEnvelope<T> event(String subject, Instant time, T data) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", time, subject, "swindon",
                "corr-" + subject, data);
    }

    RestClient http() {
        return RestClient.create("http://localhost:" + port);
    }

    @Test
    void everyEndpointRefusesTheWrongCallerAndServesTheRightOne() {
        TopicProbe topics = TopicProbe.forPrefix(prefix);
        Instant completedAt = Instant.parse("2026-11-19T10:00:00Z");
        topics.send(event("audit-r1", completedAt, new AuditCompleted("audit-r1", "case-r1", "svc-r", "team-r",
                "staff-tm-r", "staff-sw-r", "staff-sm-r", Grade.GOOD, Map.of("childs-voice", Grade.GOOD), true,
                completedAt, AuditType.FULL, null, Cohort.CIN, null, List.of(), null)));
        topics.send(event("audit-r1", completedAt.plusSeconds(60), new ModerationWaived("audit-r1", "case-r1",
                "not moderated under the council's profile", completedAt.plusSeconds(60))));
        String reader = TestIssuer.bearerOf("swindon", "reader-r", "BOARD_READER");
        await().atMost(Duration.ofSeconds(60)).until(() -> !http().get()
                .uri("/board/aggregates?measure=final-grades&period=2026-11").header("Authorization", reader)
                .retrieve().body(List.class).isEmpty());

        Map<String, String> values = Map.of("localAuthority", "swindon", "period", "2026-11", "measure",
                "final-grades", "breakdown", "TEAM", "bucket", "GOOD");
        List<String> walked = EndpointWalk.walk(context, "http://localhost:" + port,
                new EndpointWalk.Fixture("swindon", "bolton", values, new LinkedHashMap<>(), Map.of()));
        System.out.println("reporting-service endpoints walked:\n  " + String.join("\n  ", walked));
        assertThat(walked).hasSizeGreaterThanOrEqualTo(10);

        String dashboard = TestIssuer.shared().machineBearer("swindon", "swindon-dashboard", "board.read");
        assertThat(http().get().uri("/board/aggregates?measure=final-grades&period=2026-11")
                .header("Authorization", dashboard).retrieve().body(List.class))
                .as("a machine client reads with its scope").isNotEmpty();
        assertThat(http().get().uri("/dashboard/index.html").retrieve().toBodilessEntity().getStatusCode().value())
                .as("the dashboard's shell holds no figures").isEqualTo(200);
    }
}
