package uk.caseqa.audit.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.ShortAuditScheduled;
import uk.caseqa.contracts.StaffRole;

/**
 * concern-service asks for a short audit of a case whose events have not reached audit-service yet, or of a council
 * whose QA manager is not registered yet. The request used to be retried for about a second and then dead-lettered,
 * where nothing replayed it; now it waits, parked, and is met when the case or the member of staff arrives.
 */
class ARequestForAnAuditOfACaseNotKnownYetWaitsForItTest {

    final AuditUseCases story = new AuditUseCases();

    @AfterEach
    void stop() {
        story.close();
    }

    @SuppressWarnings("unchecked")
    EventEnvelope<EventPayload> shortAuditOf(String caseId) {
        return (EventEnvelope<EventPayload>) (EventEnvelope<?>) story.envelope("swindon", "ri-audit-1",
                new ShortAuditScheduled("ri-audit-1", "audit-1", caseId, Instant.parse("2026-12-14T09:00:00Z"),
                        StaffRole.QA_MANAGER, 1));
    }

    @Test
    void aShortAuditOfAnUnknownCaseIsParkedAndMetOnceTheCaseAndTheQaManagerArrive() {
        EventEnvelope<EventPayload> request = shortAuditOf("case-late");

        story.parking.requested(request);
        story.parking.requested(request);

        assertThat(story.parked.saved).hasSize(1).allSatisfy((id, p) -> assertThat(p.reason())
                .contains("no QA_MANAGER known in swindon"));
        assertThat(story.audits.saved).isEmpty();

        story.staffMember("swindon", "staff-qa-1", StaffRole.QA_MANAGER, "qa");
        story.parking.somethingArrived("swindon");
        assertThat(story.parking.retryDue()).isZero();
        assertThat(story.parked.saved.values()).singleElement().satisfies(p -> {
            assertThat(p.reason()).contains("case-late").contains("not known yet");
            assertThat(p.attempts()).isEqualTo(1);
            assertThat(p.nextTryAt()).isAfter(story.clock.instant());
        });

        story.openCase("swindon", "case-late", "staff-sw-1");
        story.parking.somethingArrived("swindon");
        assertThat(story.parking.retryDue()).isEqualTo(1);

        assertThat(story.parked.saved).isEmpty();
        assertThat(story.audits.saved.values()).singleElement()
                .satisfies(a -> assertThat(a.auditorId()).isEqualTo("staff-qa-1"));
    }

    @Test
    void whatStillWaitsIsTriedAgainLessOftenUpToAnHour() {
        story.parking.requested(shortAuditOf("case-never"));

        for (int i = 0; i < 10; i++) {
            story.clock.advance(Duration.ofHours(2));
            story.parking.retryDue();
        }

        assertThat(story.parked.saved.values()).singleElement().satisfies(p -> {
            assertThat(p.attempts()).isEqualTo(10);
            assertThat(Duration.between(story.clock.instant(), p.nextTryAt())).isEqualTo(Duration.ofHours(1));
        });
    }
}
