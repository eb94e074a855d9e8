package uk.caseqa.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.AuditAllocated;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.Grade;

class AuditorSubmittingAnAuditTest {

    static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    static final CaseRecord CASE = new CaseRecord("case-1", "swindon", Cohort.CP, "svc-1", "team-1", "staff-sw-1",
            "staff-tm-1", "staff-sm-1", "staff-iro-1");
    static final Audit.Submission INADEQUATE = new Audit.Submission(Map.of("quality-of-planning", Grade.INADEQUATE),
            Grade.INADEQUATE, "No plan addresses the risks.",
            new FamilyFeedback(null, null, null, null, false, "parent declined to take part"));

    @Test
    void theAllocatedAuditorSubmitsOnceAndTheCompletionCarriesIdentifiersOnly() {
        Audit audit = Audit.allocate("audit-1", CASE, "staff-tm-7", "staff-qa-1", NOW, Audit.Allocation.full(null, NOW, Duration.ofDays(14), Duration.ofDays(7)));
        assertThat(audit.raised()).singleElement().isInstanceOf(AuditAllocated.class);
        assertThat(audit.completionDueBy()).isEqualTo(NOW.plus(Duration.ofDays(14)));

        audit.submit("staff-tm-7", INADEQUATE, NOW.plus(Duration.ofDays(3)));

        AuditCompleted completed = (AuditCompleted) audit.raised().get(1);
        assertThat(completed.overallGrade()).isEqualTo(Grade.INADEQUATE);
        assertThat(completed.familyFeedbackObtained()).isFalse();
        assertThat(completed.serviceManagerId()).isEqualTo("staff-sm-1");
        assertThatThrownBy(() -> audit.submit("staff-tm-7", INADEQUATE, NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noOneButTheAllocatedAuditorMaySubmit() {
        Audit audit = Audit.allocate("audit-1", CASE, "staff-tm-7", "staff-qa-1", NOW, Audit.Allocation.full(null, NOW, Duration.ofDays(14), Duration.ofDays(7)));

        assertThatThrownBy(() -> audit.submit("staff-tm-8", INADEQUATE, NOW)).isInstanceOf(SecurityException.class);
    }

    @Test
    void aSocialWorkerCannotAuditTheirOwnCase() {
        assertThatThrownBy(() -> Audit.allocate("audit-1", CASE, "staff-sw-1", "staff-qa-1", NOW, Audit.Allocation.full(null, NOW, Duration.ofDays(14), Duration.ofDays(7))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void familyFeedbackIsEitherGivenOrItsAbsenceExplained() {
        assertThatThrownBy(() -> new FamilyFeedback(null, null, null, null, false, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
    }
}
