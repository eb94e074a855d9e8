package uk.caseqa.notification;

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
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.caseqa.contracts.ActionClosed;
import uk.caseqa.contracts.AuditAllocated;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.IroCommentRequested;
import uk.caseqa.contracts.ModerationAssigned;
import uk.caseqa.notification.application.KeepingWorkLists;
import uk.caseqa.notification.domain.WorkItem;
import uk.caseqa.testsupport.Browser;
import uk.caseqa.testsupport.LocalIdentity;
import uk.caseqa.testsupport.TopicProbe;
import uk.caseqa.testsupport.WithRealInfrastructure;

/**
 * A team manager's work comes from three services' events: an audit allocated to them (then submitted, so gone, with
 * its actions now theirs; one action closed, so gone), a moderation assigned to them, a case of concern of theirs;
 * an IRO's request is someone else's. The allocation delivered again after the submission does not bring the audit
 * back. The page lists the rest, soonest due first, each linking to the owning service's page, and passes axe-core.
 */
@WithRealInfrastructure(localIdentity = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + NotificationServiceApplication.CONFIG_NAME, "caseqa.mail.dispatch-interval=1h", "caseqa.mail.send-on-store=false",
        "caseqa.links.audit-service=http://audit.example", "caseqa.links.moderation-service=http://moderation.example",
        "caseqa.links.concern-service=http://concern.example"})
class MyWorkGathersWhatEveryServiceGaveMeIT {

    static final String ME = "staff-tm-demo";
    static final Instant NOW = Instant.now();

    @LocalServerPort
    int port;
    @Value("${caseqa.topic-prefix}")
    String prefix;
    @Autowired
    KeepingWorkLists workLists;

    static <T extends EventPayload> EventEnvelope<T> event(String subject, T data, Instant at) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", at, subject, "swindon",
                "corr-" + subject, data);
    }

    @Test
    void myWorkListsWhatIsStillMineFromEveryServiceAndLinksToItsPage() {
        TopicProbe topics = TopicProbe.forPrefix(prefix);
        AuditAllocated allocated = new AuditAllocated("audit-w1", "case-w1", ME, "staff-qa-w",
                NOW.plus(Duration.ofDays(14)), "staff-iro-w");
        topics.send(event("audit-w1", allocated, NOW.minusSeconds(60)));
        topics.send(event("audit-w1", new AuditCompleted("audit-w1", "case-w1", "svc-w", "team-w", ME, "staff-sw-w",
                "staff-sm-w", Grade.REQUIRES_IMPROVEMENT, Map.of("chronology", Grade.REQUIRES_IMPROVEMENT), true,
                NOW.minusSeconds(30), AuditType.FULL, null, null, null, List.of(
                        new AuditCompleted.AgreedAction("audit-w1-a1", ME, NOW.plus(Duration.ofDays(7)), false),
                        new AuditCompleted.AgreedAction("audit-w1-a2", ME, NOW.plus(Duration.ofDays(3)), true)),
                null), NOW.minusSeconds(30)));
        topics.send(event("audit-w1", new ActionClosed("audit-w1", "audit-w1-a2", "case-w1",
                ActionClosed.Outcome.COMPLETED, NOW.plus(Duration.ofDays(3)), NOW.minusSeconds(20)),
                NOW.minusSeconds(20)));
        topics.send(event("audit-w1", allocated, NOW.minusSeconds(60)));
        topics.send(event("audit-w2", new ModerationAssigned("audit-w2", "case-w2", ME, "in the pool",
                NOW.plus(Duration.ofDays(5))), NOW.minusSeconds(10)));
        topics.send(event("audit-w3", new IroCommentRequested("audit-w3", "case-w3", "staff-iro-w",
                NOW.plus(Duration.ofHours(72))), NOW.minusSeconds(10)));
        topics.send(event("coc-audit-w4", new CaseOfConcernOpened("coc-audit-w4", "audit-w4", "case-w4", "svc-w",
                "team-w", ME, NOW.plus(Duration.ofHours(24)), NOW.plus(Duration.ofDays(42)), NOW.minusSeconds(5),
                "swindon-2024", List.of()), NOW.minusSeconds(5)));
        topics.awaitConsumed("notification-service", EventStream.AUDITS.topic());
        topics.awaitConsumed("notification-service", EventStream.MODERATION.topic());
        topics.awaitConsumed("notification-service", EventStream.CONCERNS.topic());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(workLists.of("swindon", ME))
                .extracting(WorkItem::kind, WorkItem::recordId, WorkItem::detailId).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(WorkItem.Kind.SAFETY_PLAN, "coc-audit-w4", null),
                        org.assertj.core.groups.Tuple.tuple(WorkItem.Kind.MODERATION, "audit-w2", null),
                        org.assertj.core.groups.Tuple.tuple(WorkItem.Kind.ACTION, "audit-w1", "audit-w1-a1")));
        assertThat(workLists.of("bolton", ME)).as("another council's person of the same id").isEmpty();

        String base = "http://localhost:" + port;
        LocalIdentity.shared().allowSignInAt(base);
        try (Browser me = Browser.start()) {
            me.openAs(base + "/pages/my-work", "swindon-auditor");
            assertThat(me.heading()).isEqualTo("My work");
            assertThat(me.field("summary").getText()).isEqualTo("3 things to do");
            String work = me.field("work").getText();
            assertThat(work).contains("Record the safety plan", "Moderate the audit", "Complete the action",
                    "audit-w1 (audit-w1-a1)").doesNotContain("audit-w3", "Submit the audit", "audit-w1-a2");
            assertThat(me.driver().findElement(org.openqa.selenium.By.linkText("coc-audit-w4")).getAttribute("href"))
                    .isEqualTo("http://concern.example/pages/cases-of-concern/coc-audit-w4");
            assertThat(me.driver().findElement(org.openqa.selenium.By.linkText("audit-w2")).getAttribute("href"))
                    .isEqualTo("http://moderation.example/pages/moderations/audit-w2");
            me.assertAccessible();
        }
    }
}
