package uk.caseqa.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
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
            new FamilyFeedback(null, null, null, null, false, "parent declined to take part"),
            List.of(new AuditAction.Plan("Strategy discussion", "staff-tm-1", LocalDate.of(2026, 11, 6), true),
                    new AuditAction.Plan("Update the chronology", "staff-sw-1", LocalDate.of(2026, 11, 30), false)));

    @Test
    void theAllocatedAuditorSubmitsOnceAndTheCompletionCarriesIdentifiersOnly() {
        Audit audit = Audit.allocate("audit-1", CASE, "staff-tm-7", "staff-qa-1", NOW, Audit.Allocation.full(null, NOW, Period.ofDays(14), Period.ofDays(7), "t@v1"));
        assertThat(audit.raised()).singleElement().isInstanceOf(AuditAllocated.class);
        assertThat(audit.completionDueBy()).isEqualTo(NOW.plus(Duration.ofDays(14)));

        audit.submit("staff-tm-7", INADEQUATE, NOW.plus(Duration.ofDays(3)));

        AuditCompleted completed = (AuditCompleted) audit.raised().get(1);
        assertThat(completed.overallGrade()).isEqualTo(Grade.INADEQUATE);
        assertThat(completed.familyFeedbackObtained()).isFalse();
        assertThat(completed.serviceManagerId()).isEqualTo("staff-sm-1");
        assertThat(completed.moderationDueBy()).as("the moderation deadline given at allocation (002 §7.1)")
                .isEqualTo(NOW.plus(Duration.ofDays(21)));
        assertThatThrownBy(() -> audit.submit("staff-tm-7", INADEQUATE, NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAuditNotCompletedByItsDeadlineIsOverdueOnceAndSurvivesAsStoredState() {
        Audit audit = Audit.allocate("audit-1", CASE, "staff-tm-7", "staff-qa-1", NOW,
                Audit.Allocation.full(null, NOW, Period.ofDays(14), Period.ofDays(7), "t@v1"));
        assertThat(audit.nextDueAt()).isEqualTo(NOW.plus(Duration.ofDays(14)));

        assertThat(audit.fireDue(NOW.plus(Duration.ofDays(14)).minusSeconds(1))).isFalse();
        assertThat(audit.fireDue(NOW.plus(Duration.ofDays(14)))).isTrue();
        Audit reloaded = Audit.restore(audit.auditId(), CASE, audit.auditorId(), audit.allocatedBy(), audit.allocatedAt(),
                audit.completionDueBy(), audit.moderationDueBy(), audit.auditType(), audit.cycleId(), null, "t@v1", null,
                audit.status(), null, null, null, null, audit.actions(), audit.overdueFired(), 1L, null, null);
        assertThat(reloaded.fireDue(NOW.plus(Duration.ofDays(20)))).isFalse();
        assertThat(reloaded.nextDueAt()).isNull();
        assertThat(audit.raised()).filteredOn(e -> e instanceof uk.caseqa.contracts.AuditOverdue).hasSize(1);
    }

    @Test
    void actionsAreTrackedToEvidenceOrAReasonAndAMissedDueDayIsOverdueOnce() {
        Audit audit = Audit.allocate("audit-1", CASE, "staff-tm-7", "staff-qa-1", NOW,
                Audit.Allocation.full(null, NOW, Period.ofDays(14), Period.ofDays(7), "t@v1"));
        audit.submit("staff-tm-7", INADEQUATE, NOW.plus(Duration.ofDays(1)));
        assertThat(audit.actions()).extracting(AuditAction::actionId).containsExactly("audit-1-a1", "audit-1-a2");
        assertThat(audit.nextDueAt()).isEqualTo(Instant.parse("2026-11-07T00:00:00Z"));

        assertThatThrownBy(() -> audit.completeAction("audit-1-a1", "staff-tm-1", " ", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("evidence");
        audit.completeAction("audit-1-a1", "staff-tm-1", "Strategy discussion held 5/11", NOW.plus(Duration.ofDays(3)));
        audit.fireDue(Instant.parse("2026-12-01T00:00:00Z"));
        audit.fireDue(Instant.parse("2026-12-05T00:00:00Z"));
        audit.actionNotDone("audit-1-a2", "staff-tm-1", "Worker on leave; reallocated", Instant.parse("2026-12-05T00:00:00Z"));

        assertThat(audit.raised()).filteredOn(e -> e instanceof uk.caseqa.contracts.ActionOverdue).singleElement()
                .satisfies(e -> assertThat(((uk.caseqa.contracts.ActionOverdue) e).actionId()).isEqualTo("audit-1-a2"));
        assertThat(audit.actions()).extracting(AuditAction::status)
                .containsExactly(AuditAction.Status.COMPLETED, AuditAction.Status.NOT_DONE);
        assertThatThrownBy(() -> audit.verifyAction("audit-1-a2", new AuditAction.Verification(true, "", "qa", NOW)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noOneButTheAllocatedAuditorMaySubmit() {
        Audit audit = Audit.allocate("audit-1", CASE, "staff-tm-7", "staff-qa-1", NOW, Audit.Allocation.full(null, NOW, Period.ofDays(14), Period.ofDays(7), "t@v1"));

        assertThatThrownBy(() -> audit.submit("staff-tm-8", INADEQUATE, NOW)).isInstanceOf(SecurityException.class);
    }

    @Test
    void aSocialWorkerCannotAuditTheirOwnCase() {
        assertThatThrownBy(() -> Audit.allocate("audit-1", CASE, "staff-sw-1", "staff-qa-1", NOW, Audit.Allocation.full(null, NOW, Period.ofDays(14), Period.ofDays(7), "t@v1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void familyFeedbackIsEitherGivenOrItsAbsenceExplained() {
        assertThatThrownBy(() -> new FamilyFeedback(null, null, null, null, false, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
    }
}
