package uk.caseqa.reporting.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.AuditModerated;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.GradeChange;
import uk.caseqa.reporting.domain.BoardCount;
import uk.caseqa.reporting.domain.Breakdown;
import uk.caseqa.reporting.domain.Measure;
import uk.caseqa.reporting.domain.Period;

/**
 * The practice week's audits are the summary of its findings for the board (000 §2.4, 001 §6.3); Early Help audits
 * are Swindon's own programme (000 §5). Neither is a case-file audit's final grade nor a follow-up, and a practice week
 * audit, which nobody moderates, never waits for moderation on the board.
 */
class PracticeWeekAndEarlyHelpAuditsAreTheBoardsAuditActivityTest {

    static final Instant AT = Instant.parse("2026-11-10T10:00:00Z");

    static EventEnvelope<EventPayload> event(String subject, EventPayload data) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", AT, subject, "swindon",
                "corr-" + subject, data);
    }

    static AuditCompleted completed(String auditId, AuditType type, Grade grade) {
        return new AuditCompleted(auditId, "case-" + auditId, "svc-1", "team-1", "staff-hos-1", "staff-sw-1",
                "staff-sm-1", grade, Map.of("childs-voice", grade), true, AT, type, null);
    }

    @Test
    void practiceWeekAndEarlyHelpAuditsAreCountedByTypeAndGradeApartFromTheCaseFileAudits() {
        InMemoryBoardRecords records = InMemoryBoardRecords.of(List.of(
                event("pw-1", completed("pw-1", AuditType.PRACTICE_WEEK, Grade.GOOD)),
                event("pw-2", completed("pw-2", AuditType.PRACTICE_WEEK, Grade.REQUIRES_IMPROVEMENT)),
                event("eh-1", completed("eh-1", AuditType.EARLY_HELP, Grade.INADEQUATE)),
                event("eh-1", new AuditModerated("eh-1", "case-eh-1", "svc-1", "team-1", "staff-sm-1",
                        Grade.INADEQUATE, Grade.REQUIRES_IMPROVEMENT, GradeChange.UPGRADED, AT, "staff-hos-1", false)),
                event("full-1", completed("full-1", AuditType.FULL, Grade.GOOD))));
        BoardRecords.CouncilRecords loaded = records.load("swindon");

        Map<Measure, Map<String, Long>> council = new java.util.EnumMap<>(Measure.class);
        BoardCount.count("swindon", Period.parse("2026-11"), AT.plusSeconds(3600), loaded.audits(), loaded.concerns(),
                loaded.followUps()).stream().filter(a -> a.key().breakdown() == Breakdown.COUNCIL)
                .forEach(a -> council.put(a.key().measure(), a.counts()));

        assertThat(council.get(Measure.AUDIT_ACTIVITY)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PRACTICE_WEEK:GRADED:GOOD", 1L, "PRACTICE_WEEK:GRADED:REQUIRES_IMPROVEMENT", 1L,
                "EARLY_HELP:GRADED:REQUIRES_IMPROVEMENT", 1L));
        assertThat(council.get(Measure.FINAL_GRADES)).containsOnlyKeys("AWAITING_MODERATION");
        assertThat(council.get(Measure.MODERATION)).as("the practice week's audits wait for no moderator")
                .containsEntry("MODERATED", 1L).containsEntry("AWAITING", 1L);
        assertThat(council).doesNotContainKey(Measure.FOLLOW_UPS);
    }
}
