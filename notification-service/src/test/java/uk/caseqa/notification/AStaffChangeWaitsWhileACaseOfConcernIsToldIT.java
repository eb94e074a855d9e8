package uk.caseqa.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.messaging.staff.StaffReadModel;
import uk.caseqa.testsupport.TopicProbe;
import uk.caseqa.testsupport.WithRealInfrastructure;

/**
 * On the real broker: a case of concern taken by the urgent concern binding holds back the background bindings (here
 * the staff directory's) until the urgent work has been quiet for a while (4 s in this test, half a second as
 * deployed); then the staff change that came meanwhile is applied. Without the wait it is applied within a second.
 * The case of concern's writes (its email, reminder and work item) were settled by one last write at its end: its
 * received-event record is marked settled.
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.config.name=" + NotificationServiceApplication.CONFIG_NAME, "caseqa.mail.dispatch-interval=1h",
        "caseqa.mail.send-on-store=false", "caseqa.consumers.background-pacing.quiet=4s",
        "caseqa.consumers.background-pacing.longest-pause=60s"})
class AStaffChangeWaitsWhileACaseOfConcernIsToldIT {

    static final Duration QUIET = Duration.ofSeconds(4);

    @Value("${caseqa.topic-prefix}")
    String prefix;
    @Autowired
    MeterRegistry meters;
    @Autowired
    StaffReadModel staff;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Test
    void aStaffChangeThatCameWhileACaseOfConcernWasToldIsAppliedOnceTheUrgentWorkIsQuiet() {
        TopicProbe topics = TopicProbe.forPrefix(prefix);
        Instant now = Instant.now();
        EventEnvelope<CaseOfConcernOpened> opened = event("coc-audit-wait", new CaseOfConcernOpened("coc-audit-wait", "audit-wait", "case-wait",
                "svc-wait", "team-wait", "staff-sm-wait", now.plus(Duration.ofHours(24)), now.plus(Duration.ofDays(42)),
                now, "swindon-2024", List.of()));
        topics.send(opened);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> paused() == 1.0);
        Instant held = Instant.now();
        topics.send(event("staff-new-wait", new StaffMemberRegistered("staff-new-wait", StaffRole.TEAM_MANAGER,
                "team-wait", "new.wait@swindon.example", "Name of staff-new-wait", "Team Manager", "svc-wait")));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> staff.find("swindon", "staff-new-wait").isPresent());
        Instant applied = Instant.now();

        assertThat(Duration.between(held, applied)).as("applied once the case of concern had been quiet for %s", QUIET)
                .isGreaterThanOrEqualTo(QUIET.minusMillis(500));
        assertThat(paused()).as("the background bindings go on").isZero();
        assertThat(mongo.findById(opened.id(), org.bson.Document.class, "receivedEvents"))
                .as("the case of concern's writes settled at its end").containsKey("settledAt");
    }

    private double paused() {
        return meters.get("caseqa.consumers.background.paused").gauge().value();
    }

    static <T extends EventPayload> EventEnvelope<T> event(String subject, T data) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", Instant.now(), subject, "swindon",
                "corr-" + subject, data);
    }
}
