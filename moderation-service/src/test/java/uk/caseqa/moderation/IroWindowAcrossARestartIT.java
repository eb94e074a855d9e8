package uk.caseqa.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import uk.caseqa.contracts.AuditAllocated;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.testsupport.Infrastructure;
import uk.caseqa.testsupport.MutableClock;
import uk.caseqa.testsupport.ServiceReplica;
import uk.caseqa.testsupport.TestIsolation;
import uk.caseqa.testsupport.TopicProbe;

/** The 72-hour IRO window is stored: it closes while the service is down and two fresh replicas flag it once. */
class IroWindowAcrossARestartIT {

    static final Instant START = Instant.parse("2026-11-02T09:00:00Z");
    final MutableClock clock = new MutableClock(START);
    final String isolation = TestIsolation.newName();
    final TopicProbe topics = TopicProbe.forPrefix(isolation + ".");
    final java.util.List<ConfigurableApplicationContext> replicas = new java.util.ArrayList<>();

    ConfigurableApplicationContext start() {
        ConfigurableApplicationContext replica = ServiceReplica.start(ModerationServiceApplication.class,
                ModerationServiceApplication.CONFIG_NAME, isolation, clock,
                Map.of("caseqa.moderation.deadline-scan-interval", "100ms"));
        replicas.add(replica);
        return replica;
    }

    @AfterEach
    void stop() {
        replicas.stream().filter(ConfigurableApplicationContext::isActive).forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void anIroWindowThatClosedWhileTheServiceWasDownIsFlaggedOnceByTwoReplicas() {
        ConfigurableApplicationContext first = start();
        // allocated under Swindon's 2019 framework, the one with a 72-hour IRO window (000 Appendix 1)
        topics.send(EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:audit-service",
                Instant.parse("2024-09-30T09:00:00Z"), "audit-w1", "swindon", "corr-w1", new AuditAllocated("audit-w1", "case-1", "staff-tm-7", "staff-qa-1",
                        START.plus(Duration.ofDays(14)), "staff-iro-1")));
        topics.awaitEvents(EventStream.MODERATION.topic(), "IroCommentRequested", e -> e.subject().equals("audit-w1"));

        first.close();
        clock.advance(Duration.ofHours(73));
        start();
        start();

        topics.awaitEvents(EventStream.MODERATION.topic(), "IroCommentOverdue", e -> e.subject().equals("audit-w1"));
        clock.advance(Duration.ofHours(1));
        try (MongoClient mongo = MongoClients.create(Infrastructure.shared().mongoUri(isolation))) {
            var requests = mongo.getDatabase(isolation).getCollection("iroCommentRequests");
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Document saved = requests.find(Filters.eq("_id", "audit-w1")).first();
                return saved.get("deadline", Document.class).get("firedAt") != null
                        && saved.getList("outbox", Document.class).isEmpty() && !saved.containsKey("outboxClaimedUntil");
            });
        }
        assertThat(topics.readAll(EventStream.MODERATION.topic()))
                .filteredOn(r -> "audit-w1".equals(r.key()) && r.event().type().equals("IroCommentOverdue")).hasSize(1);
    }
}
