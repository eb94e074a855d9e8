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
import uk.caseqa.contracts.EarlyHelpConcernEscalated;
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
    void aMissingPlanGoesToTheHeadOfServiceAndAReAuditWithoutImprovementStartsAnotherCycle() {
        swindon.gradedInadequate("audit-1", List.of("management-oversight"));
        assertThat(swindon.followUp("coc-audit-1").profileId()).isEqualTo("swindon-2019");

        swindon.after(Duration.ofHours(25));
        swindon.after(Duration.ofHours(24));
        swindon.after(Duration.ofHours(24));
        assertThat(swindon.published(SafetyPlanOverdue.class)).extracting(SafetyPlanOverdue::escalateTo)
                .as("the chain is the head of service; the Corporate Director hears of Early Help concerns (000 §5)")
                .containsExactly(List.of(StaffRole.HEAD_OF_SERVICE));

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
            assertThat(e.escalateTo()).as("000 App 2 names nobody: the Corporate Director hears of Early Help concerns")
                    .containsExactly(StaffRole.HEAD_OF_SERVICE);
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

    @Test
    void anInadequateEarlyHelpAuditIsReviewedByTheEarlyHelpPanelWhoseConcernsGoToTheCorporateDirector() {
        swindon.gradedInadequate("audit-eh-1", AuditType.EARLY_HELP);
        swindon.gradedInadequate("audit-5", AuditType.FULL);
        assertThat(swindon.followUp("coc-audit-eh-1").earlyHelpReview().outcome())
                .isEqualTo(FollowUp.EarlyHelpReview.Outcome.PENDING);
        assertThat(swindon.followUp("coc-audit-5").earlyHelpReview()).as("the triple lock is Early Help's").isNull();
        swindon.staff.put("staff-tm-1", StaffRole.TEAM_MANAGER);
        swindon.staff.put("staff-ehm-1", StaffRole.EARLY_HELP_OPERATIONAL_MANAGER);

        assertThatThrownBy(() -> swindon.earlyHelpReviews.review("coc-audit-eh-1", "staff-tm-1", true))
                .isInstanceOf(SecurityException.class);
        swindon.earlyHelpReviews.review("coc-audit-eh-1", "staff-ehm-1", true);

        assertThat(swindon.published(EarlyHelpConcernEscalated.class)).singleElement().satisfies(e -> {
            assertThat(e.escalateTo()).containsExactly(StaffRole.CORPORATE_DIRECTOR);
            assertThat(e.reviewedBy()).isEqualTo("staff-ehm-1");
        });
        assertThat(swindon.followUp("coc-audit-eh-1").earlyHelpReview().outcome())
                .isEqualTo(FollowUp.EarlyHelpReview.Outcome.CONCERNS);
        assertThatThrownBy(() -> swindon.earlyHelpReviews.review("coc-audit-eh-1", "staff-ehm-1", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already reviewed");
        assertThatThrownBy(() -> swindon.earlyHelpReviews.review("coc-audit-5", "staff-ehm-1", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not an Early Help case of concern");
    }
}
