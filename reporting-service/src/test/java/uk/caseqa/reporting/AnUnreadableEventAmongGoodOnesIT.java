package uk.caseqa.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.contracts.Grade;
import uk.caseqa.testsupport.TopicProbe;
import uk.caseqa.testsupport.WithRealInfrastructure;

/**
 * The board's inputs are consumed in batches: an unreadable event between good ones goes to the dead-letter topic
 * with the reason, alone, and the good ones before and after it (in the same poll) are projected; the consumer
 * carries on.
 */
@WithRealInfrastructure
@SpringBootTest(properties = "spring.config.name=" + ReportingServiceApplication.CONFIG_NAME)
// closed after its test, while the broker still runs: a batch consumer left to close at the JVM's exit, after the
// shared broker has stopped, would wait out its 30-second close timeout
@DirtiesContext
class AnUnreadableEventAmongGoodOnesIT {

    @Value("${caseqa.topic-prefix}")
    String prefix;
    @Autowired
    MongoTemplate store;
    @Autowired
    BindingsLifecycleController bindings;

    static EventEnvelope<AuditCompleted> completed(String auditId) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:audit-service", Instant.now(), auditId,
                "swindon", "corr-" + auditId, new AuditCompleted(auditId, "case-" + auditId, "svc-1", "team-1",
                        "staff-tm-1", "staff-sw-1", "staff-sm-1", Grade.GOOD, Map.of("childs-voice", Grade.GOOD),
                        true, Instant.now(), null, null));
    }

    @Test
    void theUnreadableOneIsDeadLetteredWithTheReasonAndTheGoodOnesAreCounted() {
        TopicProbe topics = TopicProbe.forPrefix(prefix);
        // the binding stopped while they are sent, so that they come in one poll when it starts again
        bindings.changeState("auditEvents-in-0", BindingsLifecycleController.State.STOPPED);
        topics.send(completed("audit-before"));
        topics.send(EventStream.AUDITS.topic(), "audit-bad", "{\"type\":\"AuditCompleted\", this is not json");
        List<String> after = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "audit-after-" + i).toList();
        after.forEach(id -> topics.send(completed(id)));
        bindings.changeState("auditEvents-in-0", BindingsLifecycleController.State.STARTED);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(store.findById("audit|swindon|audit-before", Map.class, "boardRecords")).isNotNull();
            for (String id : after) {
                assertThat(store.findById("audit|swindon|" + id, Map.class, "boardRecords")).as(id).isNotNull();
            }
        });
        var dead = topics.awaitRecords(EventStream.AUDITS.topic() + ".reporting-service.dlq",
                r -> "audit-bad".equals(r.key()));
        assertThat(dead.get(0).headers().get("x-exception-message")).contains("not well-formed JSON");
        assertThat(topics.readAll(EventStream.AUDITS.topic() + ".reporting-service.dlq"))
                .as("the bad record alone is dead-lettered, not the good ones polled with it")
                .extracting(TopicProbe.Received::key).containsExactly("audit-bad");
    }
}
