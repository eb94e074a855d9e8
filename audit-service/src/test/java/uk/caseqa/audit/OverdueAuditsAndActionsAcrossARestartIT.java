package uk.caseqa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.testsupport.Infrastructure;
import uk.caseqa.testsupport.TestIssuer;
import uk.caseqa.testsupport.MutableClock;
import uk.caseqa.testsupport.ServiceReplica;
import uk.caseqa.testsupport.TestIsolation;
import uk.caseqa.testsupport.TopicProbe;

/**
 * Deadlines are stored, not held in memory: audit-service is stopped after an audit and its actions are due, the
 * clock moves past them while it is down, and a fresh process (two, in fact) raises each overdue event once.
 */
class OverdueAuditsAndActionsAcrossARestartIT {

    static final Instant START = Instant.parse("2026-11-02T09:00:00Z");
    final MutableClock clock = new MutableClock(START);
    final String isolation = TestIsolation.newName();
    final TopicProbe topics = TopicProbe.forPrefix(isolation + ".");
    ConfigurableApplicationContext first;
    ConfigurableApplicationContext second;

    ConfigurableApplicationContext start() {
        return ServiceReplica.start(AuditServiceApplication.class,
                AuditServiceApplication.CONFIG_NAME, isolation, clock,
                Map.of("caseqa.audit.deadline-scan-interval", "100ms"));
    }

    static RestClient http(ConfigurableApplicationContext context) {
        return RestClient.create("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @AfterEach
    void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {first, second}) {
            if (context != null && context.isActive()) {
                context.close();
            }
        }
    }

    static <T extends EventPayload> EventEnvelope<T> event(String subject, T data) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", START.minus(Duration.ofDays(400)),
                subject, "bolton", "corr-" + subject, data);
    }

    @Test
    void anOverdueAuditAndAnOverdueActionAreRaisedOnceByTheRestartedService() {
        first = start();
        topics.send(event("staff-tm-r", new StaffMemberRegistered("staff-tm-r", StaffRole.TEAM_MANAGER, "team-r",
                "tmr@council.example")));
        topics.send(event("case-r1", new CaseOpened("case-r1", Cohort.CIN, "svc-1", "team-r", "staff-sw-r",
                "staff-tm-r", "staff-sm-1", null)));
        topics.send(event("case-r2", new CaseOpened("case-r2", Cohort.CIN, "svc-1", "team-r", "staff-sw-r",
                "staff-tm-r", "staff-sm-1", null)));
        topics.awaitConsumed("audit-service", EventStream.CASES.topic());
        topics.awaitConsumed("audit-service", EventStream.STAFF.topic());
        RestClient http = http(first);
        String late = (String) http.post().uri("/audits").header("Authorization", TestIssuer.bearerOf("bolton", "staff-qa-1", "QA_TEAM"))
                .body(Map.of("caseId", "case-r1", "auditorId", "staff-tm-r")).retrieve().body(Map.class).get("auditId");
        String done = (String) http.post().uri("/audits").header("Authorization", TestIssuer.bearerOf("bolton", "staff-qa-1", "QA_TEAM"))
                .body(Map.of("caseId", "case-r2", "auditorId", "staff-tm-r")).retrieve().body(Map.class).get("auditId");
        http.post().uri("/audits/{id}/submission", done).header("Authorization", TestIssuer.bearerOf("bolton", "staff-tm-r", "TEAM_MANAGER", "AUDITOR"))
                .body(Map.of("domainGrades", TemplateForm.everyDomain(http, TestIssuer.bearerOf("bolton", "staff-tm-r", "AUDITOR"), done, "GOOD", Map.of()),
                        "overallGrade", "GOOD", "rationale", "Good practice.",
                        "familyFeedback", Map.of("respondentType", "CHILD"),
                        "otherFeedback", List.of(Map.of("from", "PRACTITIONER", "summary", "Helpful."),
                                Map.of("from", "PROFESSIONAL", "who", "school", "notObtainedReason", "no reply")),
                        "actions", List.of(Map.of("what", "Share the plan with the school", "ownerId", "staff-sw-r",
                                "dueOn", "2026-11-06", "immediate", false))))
                .retrieve().toBodilessEntity();
        topics.awaitEvents(EventStream.AUDITS.topic(), "AuditCompleted", e -> e.subject().equals(done));

        first.close();
        clock.advance(Duration.ofDays(22)); // Bolton's programme gives 21 days to complete an audit
        first = start();
        second = start();

        await().atMost(Duration.ofSeconds(30)).until(() -> topics.readAll(EventStream.AUDITS.topic()).stream()
                .anyMatch(r -> late.equals(r.key()) && r.event().type().equals("AuditOverdue")));
        await().atMost(Duration.ofSeconds(30)).until(() -> topics.readAll(EventStream.AUDITS.topic()).stream()
                .anyMatch(r -> done.equals(r.key()) && r.event().type().equals("ActionOverdue")));
        clock.advance(Duration.ofDays(1));
        try (MongoClient mongo = MongoClients.create(Infrastructure.shared().mongoUri(isolation))) {
            var audits = mongo.getDatabase(isolation).getCollection("audits");
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Document lateAudit = audits.find(Filters.eq("_id", late)).first();
                Document doneAudit = audits.find(Filters.eq("_id", done)).first();
                return lateAudit.getBoolean("overdueFired") && lateAudit.getList("outbox", Document.class).isEmpty()
                        && doneAudit.getList("actions", Document.class).get(0).getBoolean("overdueFired")
                        && doneAudit.getList("outbox", Document.class).isEmpty()
                        && !lateAudit.containsKey("outboxClaimedUntil") && !doneAudit.containsKey("outboxClaimedUntil");
            });
        }

        assertThat(topics.readAll(EventStream.AUDITS.topic()))
                .filteredOn(r -> r.event().type().endsWith("Overdue")).extracting(r -> r.key() + " " + r.event().type())
                .containsExactlyInAnyOrder(late + " AuditOverdue", done + " ActionOverdue");
    }
}
