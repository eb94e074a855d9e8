package uk.caseqa.concern.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.caseqa.concern.domain.Deadline;
import uk.caseqa.concern.domain.FollowUp;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.CaseOfConcernEscalated;
import uk.caseqa.contracts.FollowUpClosed;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.ReAuditScheduled;
import uk.caseqa.contracts.SafetyPlanOverdue;
import uk.caseqa.contracts.ShortAuditScheduled;
import uk.caseqa.contracts.StaffRole;

/**
 * Swindon's earlier framework (000 Appendix 2-3, §5), in force for grades before October 2024: the chain runs to the
 * Corporate Director; a re-audit without improvement escalates and starts a further cycle; RI gets a short audit.
 */
class Swindon2019CaseOfConcernTest {

    static final Instant GRADED = Instant.parse("2023-05-10T09:00:00Z");
    final ConcernScenario swindon = new ConcernScenario("swindon", GRADED);

    @Test
    void aMissingPlanClimbsTheChainAndAReAuditWithoutImprovementStartsAnotherCycle() {
        swindon.gradedInadequate("audit-1", List.of("management-oversight"));
        assertThat(swindon.followUp("coc-audit-1").profileId()).isEqualTo("swindon-2019");

        swindon.after(Duration.ofHours(25));
        swindon.after(Duration.ofHours(24));
        swindon.after(Duration.ofHours(24));
        assertThat(swindon.published(SafetyPlanOverdue.class)).extracting(SafetyPlanOverdue::escalateTo)
                .containsExactly(List.of(StaffRole.HEAD_OF_SERVICE), List.of(StaffRole.CORPORATE_DIRECTOR));

        swindon.staff.put("staff-hos-1", StaffRole.HEAD_OF_SERVICE);
        swindon.staff.put("staff-tm-9", StaffRole.TEAM_MANAGER);
        assertThatThrownBy(() -> swindon.safetyPlans.record("coc-audit-1", "staff-tm-9", "a plan"))
                .isInstanceOf(SecurityException.class);
        swindon.safetyPlans.record("coc-audit-1", "staff-hos-1", "Head of service's decision: case transferred.");
        assertThat(swindon.followUp("coc-audit-1").safetyPlan().recordedBy()).isEqualTo("staff-hos-1");

        swindon.after(Duration.ofDays(36));
        swindon.audited("coc-audit-1", "audit-short-1", AuditType.SHORT, Grade.REQUIRES_IMPROVEMENT, Map.of());
        assertThat(swindon.published(CaseOfConcernEscalated.class)).singleElement().satisfies(e -> {
            assertThat(e.cycle()).isEqualTo(1);
            assertThat(e.escalateTo()).containsExactly(StaffRole.HEAD_OF_SERVICE, StaffRole.CORPORATE_DIRECTOR);
        });
        FollowUp secondCycle = swindon.followUp("coc-audit-1");
        assertThat(secondCycle.cycle()).isEqualTo(2);
        assertThat(secondCycle.deadline(Deadline.Kind.RE_AUDIT, 2).dueAt())
                .isEqualTo(swindon.clock.instant().plus(Duration.ofDays(42)));
        assertThat(swindon.published(ReAuditScheduled.class)).extracting(ReAuditScheduled::cycle).containsExactly(1, 2);

        swindon.audited("coc-audit-1", "audit-short-1", AuditType.SHORT, Grade.REQUIRES_IMPROVEMENT, Map.of());
        assertThat(swindon.published(CaseOfConcernEscalated.class)).hasSize(1);
        swindon.after(Duration.ofDays(40));
        swindon.audited("coc-audit-1", "audit-short-2", AuditType.SHORT, Grade.GOOD, Map.of());
        assertThat(swindon.followUp("coc-audit-1").status()).isEqualTo(FollowUp.Status.CLOSED);
    }

    @Test
    void requiresImprovementGetsAShortAuditAfterTheQaPanelThatClosesTheLoopWhenPracticeIsGood() {
        assertThat(swindon.gradedRequiresImprovement("audit-2", List.of("chronology"))).isTrue();
        assertThat(swindon.followUp("ri-audit-2").status()).isEqualTo(FollowUp.Status.AWAITING_PANEL);
        swindon.after(Duration.ofDays(3));
        assertThat(swindon.moderated("audit-2", Grade.REQUIRES_IMPROVEMENT, Grade.REQUIRES_IMPROVEMENT)).isFalse();
        assertThat(swindon.published(ShortAuditScheduled.class)).as("000 App 3: after the QA panel, not before").isEmpty();

        swindon.after(Duration.ofDays(4));
        Instant panel = swindon.clock.instant();
        assertThat(swindon.acceptedByPanel("audit-2")).isTrue();
        assertThat(swindon.acceptedByPanel("audit-2")).as("a redelivery").isFalse();
        assertThat(swindon.published(ShortAuditScheduled.class)).singleElement().satisfies(e -> {
            assertThat(e.followUpId()).isEqualTo("ri-audit-2");
            assertThat(e.dueBy()).isEqualTo(panel.plus(Duration.ofDays(42)));
            assertThat(e.auditBy()).isEqualTo(StaffRole.QA_MANAGER);
        });

        swindon.after(Duration.ofDays(40));
        swindon.audited("ri-audit-2", "audit-short-3", AuditType.SHORT, Grade.GOOD, Map.of("chronology", Grade.GOOD));

        assertThat(swindon.published(FollowUpClosed.class)).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("IMPROVED"));
    }

    @Test
    void aRequiresImprovementGradeTheModeratorRaisesToGoodHasNoShortAudit() {
        swindon.gradedRequiresImprovement("audit-4", List.of("chronology"));
        swindon.after(Duration.ofDays(3));

        assertThat(swindon.moderated("audit-4", Grade.REQUIRES_IMPROVEMENT, Grade.GOOD)).isTrue();
        assertThat(swindon.moderated("audit-4", Grade.REQUIRES_IMPROVEMENT, Grade.GOOD)).as("a redelivery").isFalse();
        assertThat(swindon.acceptedByPanel("audit-4")).isFalse();

        assertThat(swindon.followUp("ri-audit-4").status()).isEqualTo(FollowUp.Status.WITHDRAWN);
        assertThat(swindon.published(ShortAuditScheduled.class)).isEmpty();
        assertThat(swindon.published(FollowUpClosed.class)).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("WITHDRAWN"));
        assertThat(swindon.followUp("ri-audit-4").nextDueAt()).isNull();
    }
}
