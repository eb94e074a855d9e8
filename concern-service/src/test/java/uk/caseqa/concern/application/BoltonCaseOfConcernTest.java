package uk.caseqa.concern.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.CaseOfConcernEscalated;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.ReAuditOverdue;
import uk.caseqa.contracts.ReAuditScheduled;
import uk.caseqa.contracts.SafetyPlanOverdue;
import uk.caseqa.contracts.StaffRole;

/** Bolton (002 §7.6): the head of service is told of every Inadequate audit; a plan in time stops all escalation. */
class BoltonCaseOfConcernTest {

    static final Instant GRADED = Instant.parse("2026-11-20T10:00:00Z");
    final ConcernScenario bolton = new ConcernScenario("bolton", GRADED);

    @Test
    void theHeadOfServiceIsToldAPlanInTimeStopsEscalationAndALateReAuditIsFlaggedOnce() {
        bolton.gradedInadequate("audit-1", List.of("childs-voice"));
        assertThat(bolton.published(CaseOfConcernOpened.class)).singleElement()
                .satisfies(e -> assertThat(e.alsoTell()).containsExactly(StaffRole.HEAD_OF_SERVICE));
        assertThat(bolton.published(ReAuditScheduled.class)).singleElement().as("Bolton's QA post is its QA lead")
                .satisfies(e -> assertThat(e.reAuditBy()).isEqualTo(StaffRole.QA_LEAD));

        bolton.after(Duration.ofHours(6));
        bolton.safetyPlans.record("coc-audit-1", "staff-sm-1", "Management decision recorded on the case file.");
        bolton.after(Duration.ofHours(48));
        assertThat(bolton.published(SafetyPlanOverdue.class)).isEmpty();

        bolton.after(Duration.ofDays(42));
        bolton.after(Duration.ofDays(1));
        assertThat(bolton.published(ReAuditOverdue.class)).singleElement()
                .satisfies(e -> assertThat(e.dueBy()).isEqualTo(GRADED.plus(Duration.ofDays(42))));

        bolton.audited("coc-audit-1", "audit-short-1", AuditType.SHORT, Grade.INADEQUATE, Map.of());
        assertThat(bolton.published(CaseOfConcernEscalated.class)).singleElement()
                .satisfies(e -> assertThat(e.escalateTo()).containsExactly(StaffRole.HEAD_OF_SERVICE));
        assertThat(bolton.followUp("coc-audit-1").cycle()).isEqualTo(2);
    }

    @Test
    void requiresImprovementOpensNothingInBolton() {
        assertThat(bolton.gradedRequiresImprovement("audit-2", List.of())).isFalse();
    }
}
