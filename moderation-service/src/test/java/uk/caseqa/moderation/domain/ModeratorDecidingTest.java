package uk.caseqa.moderation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.caseqa.moderation.domain.ModerationFixture.MODERATOR;
import static uk.caseqa.moderation.domain.ModerationFixture.NOW;
import static uk.caseqa.moderation.domain.ModerationFixture.awaitingDecision;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.AuditModerated;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.GradeChange;
import uk.caseqa.contracts.GradeInadequate;
import uk.caseqa.contracts.GradeRequiresImprovement;
import uk.caseqa.contracts.GradedBy;

class ModeratorDecidingTest {

    static final Instant LATER = NOW.plus(Duration.ofDays(2));

    @Test
    void anAuditorsInadequateRaisesGradeInadequateAtOnceAndAgreeingRaisesNoSecond() {
        Moderation moderation = awaitingDecision(Grade.INADEQUATE);
        assertThat(moderation.raised()).filteredOn(GradeInadequate.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((GradeInadequate) e).gradedBy()).isEqualTo(GradedBy.AUDITOR));

        moderation.decide(MODERATOR, new Decision(Grade.INADEQUATE, "agree", null), LATER);

        assertThat(moderation.raised()).filteredOn(GradeInadequate.class::isInstance).hasSize(1);
        assertThat(moderation.raised()).filteredOn(AuditModerated.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((AuditModerated) e).change()).isEqualTo(GradeChange.AGREED));
        assertThat(moderation.status()).isEqualTo(ModerationStatus.AWAITING_PANEL);
    }

    @Test
    void downgradingToInadequateNeedsTheLearningConversationAndRaisesGradeInadequateAsTheModerators() {
        Moderation moderation = awaitingDecision(Grade.REQUIRES_IMPROVEMENT);

        assertThatThrownBy(() -> moderation.decide(MODERATOR, new Decision(Grade.INADEQUATE, "risks missed", " "), LATER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learning conversation");
        moderation.decide(MODERATOR, new Decision(Grade.INADEQUATE, "risks missed", "talked it through on 21/11"), LATER);

        assertThat(moderation.raised()).filteredOn(GradeInadequate.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((GradeInadequate) e).gradedBy()).isEqualTo(GradedBy.MODERATOR));
        assertThat(moderation.raised()).filteredOn(AuditModerated.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((AuditModerated) e).change()).isEqualTo(GradeChange.DOWNGRADED));
    }

    @Test
    void upgradingAnAuditorsInadequateKeepsTheOneGradeInadequateAndRaisesNoRequiresImprovement() {
        Moderation moderation = awaitingDecision(Grade.INADEQUATE);

        moderation.decide(MODERATOR, new Decision(Grade.REQUIRES_IMPROVEMENT, "plan in place", "agreed with auditor"),
                LATER);

        assertThat(moderation.raised()).filteredOn(GradeInadequate.class::isInstance).hasSize(1);
        assertThat(moderation.raised()).noneMatch(GradeRequiresImprovement.class::isInstance);
        assertThat(moderation.raised()).filteredOn(AuditModerated.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((AuditModerated) e).change()).isEqualTo(GradeChange.UPGRADED));
    }

    @Test
    void downgradingAGoodAuditToRequiresImprovementRaisesGradeRequiresImprovementOnce() {
        Moderation moderation = awaitingDecision(Grade.GOOD);

        moderation.decide(MODERATOR, new Decision(Grade.REQUIRES_IMPROVEMENT, "plan not SMART", "discussed"), LATER);

        assertThat(moderation.raised()).filteredOn(GradeRequiresImprovement.class::isInstance).singleElement()
                .satisfies(e -> {
                    assertThat(((GradeRequiresImprovement) e).gradedBy()).isEqualTo(GradedBy.MODERATOR);
                    assertThat(((GradeRequiresImprovement) e).socialWorkerId()).isEqualTo("staff-sw-1");
                    assertThat(((GradeRequiresImprovement) e).domainsBelowGood()).containsExactly("quality-of-planning");
                });
        assertThat(moderation.raised()).noneMatch(GradeInadequate.class::isInstance);
    }

    @Test
    void aGoodAuditAgreedRaisesNoGradeTrigger() {
        Moderation moderation = awaitingDecision(Grade.GOOD);

        moderation.decide(MODERATOR, new Decision(Grade.GOOD, "agree", null), LATER);

        assertThat(moderation.raised()).noneMatch(GradeInadequate.class::isInstance)
                .noneMatch(GradeRequiresImprovement.class::isInstance);
    }

    @Test
    void onlyTheAssignedModeratorDecidesAndOnlyOnce() {
        Moderation moderation = awaitingDecision(Grade.GOOD);

        assertThatThrownBy(() -> moderation.decide("staff-someone-else", new Decision(Grade.GOOD, "agree", null), LATER))
                .isInstanceOf(SecurityException.class);
        moderation.decide(MODERATOR, new Decision(Grade.GOOD, "agree", null), LATER);
        assertThatThrownBy(() -> moderation.decide(MODERATOR, new Decision(Grade.GOOD, "agree", null), LATER))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aModerationNotDecidedByItsDeadlineIsOverdueOnce() {
        Moderation moderation = awaitingDecision(Grade.GOOD);

        assertThat(moderation.fireDueDeadlines(ModerationFixture.DUE.minusSeconds(1))).isFalse();
        assertThat(moderation.fireDueDeadlines(ModerationFixture.DUE)).isTrue();
        assertThat(moderation.fireDueDeadlines(ModerationFixture.DUE.plus(Duration.ofDays(3)))).isFalse();
        assertThat(moderation.raised()).filteredOn(e -> e instanceof uk.caseqa.contracts.ModerationOverdue).hasSize(1);
    }
}
