package uk.caseqa.concern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.contracts.GradeInadequate;
import uk.caseqa.contracts.GradeRequiresImprovement;
import uk.caseqa.contracts.GradedBy;
import uk.caseqa.contracts.SafetyPlanOverdue;
import uk.caseqa.testsupport.Infrastructure;
import uk.caseqa.testsupport.MutableClock;
import uk.caseqa.testsupport.ServiceReplica;
import uk.caseqa.testsupport.TestIsolation;
import uk.caseqa.testsupport.TopicProbe;

/**
 * Two replicas of concern-service on one consumer group and one database, one of them restarted between "opened"
 * and "plan due", all sharing one moved clock: the overdue plan is escalated exactly once, and duplicate or
 * reordered grade events open one case of concern.
 */
class PlanOverdueAcrossRestartsAndReplicasIT {

    static final Instant GRADED = Instant.parse("2026-11-20T10:00:00Z");
    final MutableClock clock = new MutableClock(GRADED);
    final String isolation = TestIsolation.newName();
    final Infrastructure infrastructure = Infrastructure.shared();
    final TopicProbe topics = new TopicProbe(infrastructure.kafkaAdminClient(), isolation + ".");
    final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

    ConfigurableApplicationContext startReplica() {
        ConfigurableApplicationContext replica = ServiceReplica.start(ConcernServiceApplication.class,
                ConcernServiceApplication.CONFIG_NAME, isolation, clock,
                Map.of("caseqa.concern.deadline-scan-interval", "100ms"));
        replicas.add(replica);
        return replica;
    }

    @AfterEach
    void stop() {
        replicas.forEach(ConfigurableApplicationContext::close);
        topics.close();
    }

    EventEnvelope<GradeInadequate> gradeInadequate(String auditId) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:moderation-service", GRADED, auditId, "swindon",
                "corr-" + auditId, new GradeInadequate(auditId, "case-1", "svc-1", "team-1", "staff-sm-1",
                        GradedBy.AUDITOR_AND_MODERATOR, GRADED, "staff-sw-1", List.of("quality-of-planning")));
    }

    @Test
    void aPlanOverdueAfterARestartIsEscalatedOnceWithTwoReplicasRunning() {
        ConfigurableApplicationContext first = startReplica();
        startReplica();
        topics.send(gradeInadequate("audit-r1"));
        topics.awaitEvents(EventStream.CONCERNS.topic(), "CaseOfConcernOpened", e -> e.subject().equals("coc-audit-r1"));

        first.close();
        replicas.remove(first);
        startReplica();
        clock.advance(Duration.ofHours(24).plusMinutes(1));

        var overdue = topics.awaitEvents(EventStream.CONCERNS.topic(), "SafetyPlanOverdue",
                e -> e.subject().equals("coc-audit-r1"));
        try (MongoClient mongo = MongoClients.create(infrastructure.mongoUri(isolation))) {
            MongoCollection<Document> followUps = mongo.getDatabase(isolation).getCollection("followUps");
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Document saved = followUps.find(Filters.eq("_id", "coc-audit-r1")).first();
                return saved.getList("outbox", Document.class).isEmpty() && !saved.containsKey("outboxClaimedUntil");
            });
            Document saved = followUps.find(Filters.eq("_id", "coc-audit-r1")).first();
            assertThat(saved.getList("deadlines", Document.class))
                    .filteredOn(d -> "SAFETY_PLAN".equals(d.getString("kind")))
                    .singleElement().satisfies(d -> assertThat(d.get("firedAt")).isNotNull());
        }
        assertThat(topics.readAll(EventStream.CONCERNS.topic()))
                .filteredOn(r -> "coc-audit-r1".equals(r.key()) && r.event().type().equals("SafetyPlanOverdue"))
                .hasSize(1);
        assertThat(((SafetyPlanOverdue) overdue.get(0).data()).escalationLevel()).isEqualTo(1);
    }

    @Test
    void duplicateAndReorderedGradeEventsOpenOneCaseOfConcern() {
        startReplica();
        startReplica();
        var inadequate = gradeInadequate("audit-r2");
        var requiresImprovement = EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:moderation-service",
                GRADED, "audit-r2", "swindon", "corr-r2", new GradeRequiresImprovement("audit-r2", "case-1", "svc-1",
                        "team-1", "staff-sm-1", "staff-sw-1", GradedBy.AUDITOR, GRADED, List.of()));

        topics.send(inadequate);
        topics.send(requiresImprovement);
        topics.send(inadequate);
        topics.send(EventEnvelope.of(UUID.randomUUID().toString(), inadequate.source(), inadequate.time(),
                inadequate.subject(), inadequate.localAuthority(), inadequate.correlationId(), inadequate.data()));
        topics.awaitConsumed("concern-service", EventStream.MODERATION.topic());
        topics.awaitEvents(EventStream.CONCERNS.topic(), "ReAuditScheduled", e -> e.subject().equals("coc-audit-r2"));

        assertThat(topics.readAll(EventStream.CONCERNS.topic()))
                .filteredOn(r -> r.event().type().equals("CaseOfConcernOpened")).hasSize(1);
        assertThat(topics.readAll(EventStream.CONCERNS.topic()))
                .noneMatch(r -> "ri-audit-r2".equals(r.key()));
    }
}
