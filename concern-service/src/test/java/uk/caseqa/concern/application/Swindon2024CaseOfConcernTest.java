package uk.caseqa.concern.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.caseqa.concern.domain.Deadline;
import uk.caseqa.concern.domain.FollowUp;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.CaseOfConcernClosed;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.ReAuditScheduled;
import uk.caseqa.contracts.SafetyPlanOverdue;
import uk.caseqa.contracts.SafetyPlanRecorded;
import uk.caseqa.contracts.StaffRole;

/** Swindon 2024 (001 §6.1.7): a late plan is escalated to the head of service once; a Good re-audit closes the case. */
class Swindon2024CaseOfConcernTest {

    static final Instant GRADED = Instant.parse("2026-11-20T10:00:00Z");
    final ConcernScenario swindon = new ConcernScenario("swindon", GRADED);

    @Test
    void aPlanMissedBy24HoursIsEscalatedOnceThenAGoodReAuditClosesTheCase() {
        assertThat(swindon.gradedInadequate("audit-1", List.of("quality-of-planning"))).isTrue();
        FollowUp opened = swindon.followUp("coc-audit-1");
        assertThat(opened.profileId()).isEqualTo("swindon-2024");
        assertThat(opened.deadline(Deadline.Kind.SAFETY_PLAN, 1).dueAt()).isEqualTo(GRADED.plus(Duration.ofHours(24)));
        assertThat(opened.deadline(Deadline.Kind.RE_AUDIT, 1).dueAt()).isEqualTo(GRADED.plus(Duration.ofDays(42)));
        assertThat(swindon.published(CaseOfConcernOpened.class)).singleElement()
                .satisfies(e -> assertThat(e.alsoTell()).isEmpty());
        assertThat(swindon.published(ReAuditScheduled.class)).singleElement()
                .satisfies(e -> assertThat(e.reAuditBy()).isEqualTo(StaffRole.QA_MANAGER));

        swindon.after(Duration.ofHours(23).plusMinutes(59));
        assertThat(swindon.published(SafetyPlanOverdue.class)).isEmpty();
        swindon.after(Duration.ofMinutes(2));
        swindon.after(Duration.ofHours(30));
        assertThat(swindon.published(SafetyPlanOverdue.class)).singleElement().satisfies(e -> {
            assertThat(e.escalationLevel()).isEqualTo(1);
            assertThat(e.escalateTo()).containsExactly(StaffRole.HEAD_OF_SERVICE);
        });

        swindon.safetyPlans.record("coc-audit-1", "staff-sm-1", "Strategy discussion booked; daily visits until then.");
        assertThat(swindon.published(SafetyPlanRecorded.class)).singleElement()
                .satisfies(e -> assertThat(e.late()).isTrue());

        swindon.after(Duration.ofDays(30));
        swindon.audited("coc-audit-1", "audit-short-1", AuditType.SHORT, Grade.GOOD, Map.of("quality-of-planning", Grade.GOOD));
        assertThat(swindon.published(CaseOfConcernClosed.class)).singleElement()
                .satisfies(e -> assertThat(e.reAuditGrade()).isEqualTo(Grade.GOOD));
        assertThat(swindon.followUp("coc-audit-1").status()).isEqualTo(FollowUp.Status.CLOSED);
        assertThat(swindon.followUp("coc-audit-1").nextDueAt()).isNull();
        assertThat(swindon.published()).containsExactly("CaseOfConcernOpened", "ReAuditScheduled", "SafetyPlanOverdue",
                "SafetyPlanRecorded", "CaseOfConcernClosed");
    }

    @Test
    void requiresImprovementSetsNoFollowUpUnderThe2024Framework() {
        assertThat(swindon.gradedRequiresImprovement("audit-2", List.of("chronology"))).isFalse();
        assertThat(swindon.published()).isEmpty();
    }
}
