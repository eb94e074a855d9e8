package uk.caseqa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;
import uk.caseqa.audit.application.CaseRegistry;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.testsupport.TestIssuer;
import uk.caseqa.testsupport.TopicProbe;
import uk.caseqa.testsupport.WithRealInfrastructure;

/**
 * The outbox relay does not wait for its poll: an audit allocated is on its topic within seconds although the poll
 * here comes only once an hour (the poll stays, to publish what a crash left behind).
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + AuditServiceApplication.CONFIG_NAME,
        "caseqa.outbox.poll-interval=1h", "caseqa.outbox.initial-delay=1h"})
class AnEventIsPublishedAsSoonAsItsWriteIsStoredIT {

    @LocalServerPort
    int port;
    @Value("${caseqa.topic-prefix}")
    String prefix;
    @Autowired
    CaseRegistry cases;

    @Test
    void anAllocatedAuditIsPublishedWithoutWaitingForThePoll() {
        TopicProbe topics = TopicProbe.forPrefix(prefix);
        topics.send(EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", Instant.now(), "staff-tm-fast",
                "swindon", "corr-fast", new StaffMemberRegistered("staff-tm-fast", StaffRole.TEAM_MANAGER, "team-1",
                        "tm.fast@swindon.example")));
        topics.send(EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", Instant.now(), "case-fast",
                "swindon", "corr-fast", new CaseOpened("case-fast", Cohort.CP, "svc-1", "team-1", "staff-sw-1",
                        "staff-tm-fast", "staff-sm-1", null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.find("swindon", "case-fast").isPresent());
        RestClient http = RestClient.create("http://localhost:" + port);
        Map<?, ?> allocated = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> http.post()
                .uri("/audits").header("Authorization", TestIssuer.bearerOf("swindon", "staff-qa-1", "QA_TEAM"))
                .body(Map.of("caseId", "case-fast", "auditorId", "staff-tm-fast")).retrieve().body(Map.class),
                a -> a != null);

        assertThat(topics.awaitEvents(EventStream.AUDITS.topic(), "AuditAllocated",
                e -> e.subject().equals(allocated.get("auditId")))).hasSize(1);
    }
}
