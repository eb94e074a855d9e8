package uk.caseqa.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.ActionOverdue;
import uk.caseqa.contracts.AuditOverdue;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.Grade;

/** The QA panel returns an audit; the auditor reworks it and submits it again. */
class AReturnedAuditResubmittedTest {

    static final Instant ALLOCATED = Instant.parse("2026-11-02T09:00:00Z");
    static final CaseRecord CASE = new CaseRecord("case-1", "swindon", Cohort.CP, "svc-1", "team-1", "staff-sw-1",
            "staff-tm-1", "staff-sm-1", "staff-iro-1");

    static Audit.Submission withActions(String... what) {
        return new Audit.Submission(Map.of("quality-of-planning", Grade.REQUIRES_IMPROVEMENT),
                Grade.REQUIRES_IMPROVEMENT, "Plan not SMART.",
                new FamilyFeedback(null, null, null, null, false, "parent declined to take part"),
                java.util.Arrays.stream(what).map(w -> new AuditAction.Plan(w, "staff-sw-1",
                        LocalDate.of(2027, 1, 15), false)).toList());
    }

    static Audit allocated() {
        return Audit.allocate("audit-1", CASE, "staff-tm-7", "staff-qa-1", ALLOCATED,
                Audit.Allocation.full(null, ALLOCATED, Period.ofDays(14), Period.ofDays(7), "t@v1"));
    }

    static List<EventPayload> firedBy(Audit audit, Instant now) {
        int before = audit.raised().size();
        audit.fireDue(now);
        return audit.raised().subList(before, audit.raised().size());
    }

    @Test
    void theResubmittedPlanReplacesTheOpenActionsOfTheReturnedOneInsteadOfDoublingThem() {
        Audit audit = allocated();
        audit.submit("staff-tm-7", withActions("Update the plan", "Visit the child", "Update chronology"),
                ALLOCATED.plus(Duration.ofDays(3)));
        audit.returned("plan still vague", ALLOCATED.plus(Duration.ofDays(5)));

        audit.submit("staff-tm-7", withActions("Rewrite the plan with dates", "Visit the child", "Update chronology"),
                ALLOCATED.plus(Duration.ofDays(7)));

        assertThat(audit.actions()).hasSize(6);
        assertThat(audit.actions().stream().filter(a -> a.status() == AuditAction.Status.OPEN))
                .extracting(AuditAction::what).containsExactly("Rewrite the plan with dates", "Visit the child",
                        "Update chronology");
        assertThat(audit.actions().stream().filter(a -> a.status() == AuditAction.Status.WITHDRAWN)).hasSize(3);
        List<EventPayload> overdue = firedBy(audit, Instant.parse("2027-01-20T09:00:00Z"));
        assertThat(overdue).hasSize(3).allMatch(ActionOverdue.class::isInstance);
    }

    @Test
    void aLateReturnGivesTheAuditorTheAllocationsTimeAgainRatherThanAnOverdueASecondLater() {
        Audit audit = allocated();
        audit.submit("staff-tm-7", withActions(), ALLOCATED.plus(Duration.ofDays(13)));
        Instant returnedAt = ALLOCATED.plus(Duration.ofDays(20));

        audit.returned("family feedback missing", returnedAt);

        assertThat(audit.completionDueBy()).isEqualTo(returnedAt.plus(Duration.ofDays(14)));
        assertThat(firedBy(audit, returnedAt.plusSeconds(1))).isEmpty();
        assertThat(audit.nextDueAt()).isEqualTo(returnedAt.plus(Duration.ofDays(14)));
    }

    @Test
    void anAuditThatWasAlreadyOverdueIsWatchedAgainAfterItsReturn() {
        Audit audit = allocated();
        assertThat(firedBy(audit, ALLOCATED.plus(Duration.ofDays(15)))).singleElement().isInstanceOf(AuditOverdue.class);
        audit.submit("staff-tm-7", withActions(), ALLOCATED.plus(Duration.ofDays(16)));
        Instant returnedAt = ALLOCATED.plus(Duration.ofDays(17));

        audit.returned("rationale does not match the grades", returnedAt);

        assertThat(audit.nextDueAt()).isEqualTo(returnedAt.plus(Duration.ofDays(14)));
        assertThat(firedBy(audit, returnedAt.plus(Duration.ofDays(14)))).singleElement()
                .isInstanceOfSatisfying(AuditOverdue.class,
                        o -> assertThat(o.dueBy()).isEqualTo(returnedAt.plus(Duration.ofDays(14))));
    }

    @Test
    void aSecondReturnGivesTheSameTimeAgainNotTheTimeAlreadyExtended() {
        Audit audit = allocated();
        audit.submit("staff-tm-7", withActions(), ALLOCATED.plus(Duration.ofDays(13)));
        audit.returned("family feedback missing", ALLOCATED.plus(Duration.ofDays(20)));
        audit.submit("staff-tm-7", withActions(), ALLOCATED.plus(Duration.ofDays(25)));
        Instant secondReturn = ALLOCATED.plus(Duration.ofDays(26));

        audit.returned("rationale still thin", secondReturn);

        assertThat(audit.completionDueBy()).isEqualTo(secondReturn.plus(Duration.ofDays(14)));
    }
}
