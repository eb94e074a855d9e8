package uk.caseqa.concern.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.caseqa.concern.domain.FollowUp;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.Grade;

/** Telford &amp; Wrekin (003 names no grade-triggered process): the default case-of-concern process applies. */
class TelfordCaseOfConcernTest {

    final ConcernScenario telford = new ConcernScenario("telford-and-wrekin", Instant.parse("2026-11-20T10:00:00Z"));

    @Test
    void theDefaultProcessRunsFromGradeToClosure() {
        telford.gradedInadequate("audit-1", List.of("visits"));
        assertThat(telford.followUp("coc-audit-1").profileId()).isEqualTo("telford-and-wrekin");

        telford.after(Duration.ofHours(2));
        telford.safetyPlans.record("coc-audit-1", "staff-sm-1", "Plan recorded.");
        telford.after(Duration.ofDays(41));
        telford.audited("coc-audit-1", "audit-short-1", AuditType.SHORT, Grade.OUTSTANDING, Map.of());

        assertThat(telford.followUp("coc-audit-1").status()).isEqualTo(FollowUp.Status.CLOSED);
        assertThat(telford.published()).containsExactly("CaseOfConcernOpened", "ReAuditScheduled",
                "SafetyPlanRecorded", "CaseOfConcernClosed");
        assertThat(telford.followUp("coc-audit-1").history()).extracting(FollowUp.Transition::by)
                .contains("staff-sm-1", "system");
    }

    @Test
    void aCouncilWithoutAProfileOfItsOwnGetsTheDefaultProcess() {
        ConcernScenario elsewhere = new ConcernScenario("somewhere-new", Instant.parse("2026-11-20T10:00:00Z"));

        elsewhere.gradedInadequate("audit-9", List.of());

        assertThat(elsewhere.followUp("coc-audit-9").profileId()).isEqualTo("default");
    }
}
