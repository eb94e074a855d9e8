package uk.caseqa.concern.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.caseqa.concern.domain.CaseOfConcern;
import uk.caseqa.concern.domain.Deadline;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.GradeInadequate;
import uk.caseqa.contracts.GradedBy;
import uk.caseqa.messaging.outbox.EventFactory;
import uk.caseqa.messaging.outbox.OutboxEvent;

class OpeningACaseOfConcernTest {

    static final Instant MODERATED = Instant.parse("2026-11-20T10:00:00Z");
    static final Instant NOW = MODERATED.plus(Duration.ofMinutes(3));

    /** In-memory port: the unique key is the case-of-concern id, as in the store. */
    static final class InMemoryCasesOfConcern implements CasesOfConcern {
        final Map<String, CaseOfConcern> saved = new LinkedHashMap<>();
        final List<OutboxEvent> outbox = new ArrayList<>();

        @Override
        public boolean insertIfAbsent(CaseOfConcern c, List<OutboxEvent> events) {
            if (saved.putIfAbsent(c.caseOfConcernId(), c) != null) {
                return false;
            }
            outbox.addAll(events);
            return true;
        }

        @Override
        public Optional<CaseOfConcern> find(String id) {
            return Optional.ofNullable(saved.get(id));
        }

        @Override
        public List<CaseOfConcern> open(String la, String serviceId, String teamId) {
            return List.copyOf(saved.values());
        }
    }

    final InMemoryCasesOfConcern cases = new InMemoryCasesOfConcern();
    final OpeningCasesOfConcern opening = new OpeningCasesOfConcern(cases,
            new EventFactory("concern-service", java.time.Clock.fixed(NOW, ZoneOffset.UTC)),
            java.time.Clock.fixed(NOW, ZoneOffset.UTC), 24, 6);

    static EventEnvelope<GradeInadequate> gradeInadequate(String eventId) {
        return EventEnvelope.of(eventId, "urn:caseqa:moderation-service", MODERATED, "audit-1", "swindon", "corr-1",
                new GradeInadequate("audit-1", "case-1", "svc-1", "team-1", "staff-sm-1", GradedBy.AUDITOR, MODERATED));
    }

    @Test
    void aSafetyPlanIsDueIn24HoursAndAReAuditSixWeeksAfterModeration() {
        assertThat(opening.gradeInadequate(gradeInadequate("e1"))).isTrue();

        CaseOfConcern opened = cases.find("coc-audit-1").orElseThrow();
        assertThat(opened.deadline(Deadline.Kind.SAFETY_PLAN).dueAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(opened.deadline(Deadline.Kind.SAFETY_PLAN).basis()).isEqualTo(Deadline.Basis.ELAPSED_HOURS);
        assertThat(opened.deadline(Deadline.Kind.RE_AUDIT).dueAt()).isEqualTo(MODERATED.plus(Duration.ofDays(42)));
        assertThat(cases.outbox).extracting(OutboxEvent::type).containsExactly("CaseOfConcernOpened", "ReAuditScheduled");
        assertThat(cases.outbox).allSatisfy(e -> assertThat(e.key()).isEqualTo("coc-audit-1"));
    }

    @Test
    void theSameGradeDeliveredTwiceOrASecondInadequateForTheAuditOpensNothingMore() {
        opening.gradeInadequate(gradeInadequate("e1"));

        assertThat(opening.gradeInadequate(gradeInadequate("e1"))).isFalse();
        assertThat(opening.gradeInadequate(gradeInadequate("e2"))).isFalse();
        assertThat(cases.saved).hasSize(1);
        assertThat(cases.outbox).hasSize(2);
    }
}
