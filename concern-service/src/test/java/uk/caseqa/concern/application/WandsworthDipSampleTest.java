package uk.caseqa.concern.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.caseqa.concern.domain.FollowUp;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.CaseloadAuditRequested;
import uk.caseqa.contracts.DipSampleRequested;
import uk.caseqa.contracts.FollowUpClosed;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.ReAuditScheduled;
import uk.caseqa.contracts.SafetyPlanOverdue;
import uk.caseqa.contracts.ShortAuditScheduled;
import uk.caseqa.contracts.StaffRole;

/**
 * Wandsworth (004 ¶33, ¶35, ¶36): Requires Improvement or Inadequate sends the team manager to dip sample three more
 * of the social worker's cases; the same concerns found again put the worker's caseload to audit; the service
 * manager does the follow-up audit. Urgent concerns go to the Head of Safeguarding Standards.
 */
class WandsworthDipSampleTest {

    static final Instant GRADED = Instant.parse("2026-11-20T10:00:00Z");
    final ConcernScenario wandsworth = new ConcernScenario("wandsworth", GRADED);

    @Test
    void theSameConcernsFoundInADipSampleRequestTheWorkersCaseloadAuditOnce() {
        assertThat(wandsworth.gradedRequiresImprovement("audit-1", List.of("chronology", "quality-of-planning"))).isTrue();
        assertThat(wandsworth.published(DipSampleRequested.class)).singleElement().satisfies(e -> {
            assertThat(e.count()).isEqualTo(3);
            assertThat(e.requestedFrom()).isEqualTo(StaffRole.TEAM_MANAGER);
            assertThat(e.socialWorkerId()).isEqualTo("staff-sw-1");
            assertThat(e.concernDomains()).containsExactly("chronology", "quality-of-planning");
        });

        wandsworth.audited("ri-audit-1", "audit-dip-1", AuditType.DIP_SAMPLE, Grade.GOOD,
                Map.of("chronology", Grade.GOOD, "childs-voice", Grade.REQUIRES_IMPROVEMENT));
        assertThat(wandsworth.published(CaseloadAuditRequested.class)).isEmpty();

        wandsworth.audited("ri-audit-1", "audit-dip-2", AuditType.DIP_SAMPLE, Grade.REQUIRES_IMPROVEMENT,
                Map.of("chronology", Grade.INADEQUATE, "visits", Grade.GOOD));
        wandsworth.audited("ri-audit-1", "audit-dip-3", AuditType.DIP_SAMPLE, Grade.REQUIRES_IMPROVEMENT,
                Map.of("quality-of-planning", Grade.REQUIRES_IMPROVEMENT));
        wandsworth.audited("ri-audit-1", "audit-dip-2", AuditType.DIP_SAMPLE, Grade.REQUIRES_IMPROVEMENT,
                Map.of("chronology", Grade.INADEQUATE));

        assertThat(wandsworth.published(CaseloadAuditRequested.class)).singleElement().satisfies(e -> {
            assertThat(e.sameConcerns()).containsExactly("chronology");
            assertThat(e.foundInAuditId()).isEqualTo("audit-dip-2");
        });
        assertThat(wandsworth.followUp("ri-audit-1").dipSampleResults()).hasSize(3);
    }

    @Test
    void anInadequateGradeArrivingAfterTheRequiresImprovementOneTakesOverAndOpensOneCaseOfConcern() {
        wandsworth.gradedRequiresImprovement("audit-2", List.of("chronology"));

        assertThat(wandsworth.gradedInadequate("audit-2", List.of("chronology"))).isTrue();
        assertThat(wandsworth.gradedInadequate("audit-2", List.of("chronology"))).isFalse();
        assertThat(wandsworth.gradedRequiresImprovement("audit-2", List.of("chronology"))).isFalse();

        assertThat(wandsworth.published(CaseOfConcernOpened.class)).singleElement()
                .satisfies(e -> assertThat(e.alsoTell()).containsExactly(StaffRole.HEAD_OF_SAFEGUARDING_STANDARDS));
        assertThat(wandsworth.published(FollowUpClosed.class)).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("SUPERSEDED"));
        assertThat(wandsworth.followUp("ri-audit-2").status()).isEqualTo(FollowUp.Status.SUPERSEDED);
        assertThat(wandsworth.followUp("ri-audit-2").nextDueAt()).isNull();
        assertThat(wandsworth.published(DipSampleRequested.class)).extracting(DipSampleRequested::followUpId)
                .containsExactly("ri-audit-2", "coc-audit-2");
    }

    @Test
    void aMissingPlanGoesFirstToTheHeadOfSafeguardingStandardsThenTheHeadOfService() {
        wandsworth.gradedInadequate("audit-3", List.of());

        wandsworth.after(Duration.ofHours(24));
        wandsworth.after(Duration.ofHours(24));
        wandsworth.after(Duration.ofHours(24));

        assertThat(wandsworth.published(SafetyPlanOverdue.class)).extracting(SafetyPlanOverdue::escalateTo)
                .containsExactly(List.of(StaffRole.HEAD_OF_SAFEGUARDING_STANDARDS), List.of(StaffRole.HEAD_OF_SERVICE));
    }

    @Test
    void theFollowUpAuditOfACaseOfConcernIsTheServiceManagers() {
        wandsworth.gradedInadequate("audit-4", List.of());

        assertThat(wandsworth.published(ReAuditScheduled.class)).singleElement()
                .satisfies(e -> assertThat(e.reAuditBy()).isEqualTo(StaffRole.SERVICE_MANAGER));
    }

    @Test
    void aRequiresImprovementAuditIsFollowedUpByTheCasesServiceManager() {
        wandsworth.gradedRequiresImprovement("audit-ri", List.of("chronology"));

        assertThat(wandsworth.published(ShortAuditScheduled.class)).as("004 ¶35").singleElement()
                .satisfies(e -> assertThat(e.auditBy()).isEqualTo(StaffRole.SERVICE_MANAGER));
    }
}
