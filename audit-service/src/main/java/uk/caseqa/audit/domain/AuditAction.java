package uk.caseqa.audit.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An action an audit ended with (002 §7.7): what, whose, by when, immediate or not; tracked until it is completed
 * with evidence or recorded as not done with the reason (closing the loop, 002 §6, §7.8). A sample of completed
 * actions is verified by the QA manager (000 Appendix 4).
 */
public record AuditAction(String actionId, String what, String ownerId, LocalDate dueOn, boolean immediate,
        Status status, String evidence, String notDoneReason, String closedBy, Instant closedAt, boolean overdueFired,
        Verification verification) {

    /** {@code WITHDRAWN}: still open when its audit was returned and resubmitted with a new plan. */
    public enum Status { OPEN, COMPLETED, NOT_DONE, WITHDRAWN }

    /** The QA manager's check of a completed action. */
    public record Verification(boolean confirmed, String note, String by, Instant at) {
    }

    /** What the auditor plans: the action before it is tracked. */
    public record Plan(String what, String ownerId, LocalDate dueOn, boolean immediate) {
        public Plan {
            if (what == null || what.isBlank() || ownerId == null || ownerId.isBlank() || dueOn == null) {
                throw new IllegalArgumentException("an action needs what, an owner and a due date");
            }
        }
    }

    static AuditAction open(String actionId, Plan plan) {
        return new AuditAction(actionId, plan.what(), plan.ownerId(), plan.dueOn(), plan.immediate(), Status.OPEN,
                null, null, null, null, false, null);
    }

    /** Due at the end of its due day in England. */
    public Instant dueAt() {
        return dueOn.plusDays(1).atStartOfDay(AuditProgramme.ENGLAND).toInstant();
    }

    AuditAction completed(String by, String withEvidence, Instant at) {
        requireOpen();
        if (withEvidence == null || withEvidence.isBlank()) {
            throw new IllegalArgumentException("evidence: a completed action needs its evidence");
        }
        return new AuditAction(actionId, what, ownerId, dueOn, immediate, Status.COMPLETED, withEvidence, null, by, at,
                overdueFired, null);
    }

    AuditAction notDone(String by, String reason, Instant at) {
        requireOpen();
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: say why the action was not done");
        }
        return new AuditAction(actionId, what, ownerId, dueOn, immediate, Status.NOT_DONE, null, reason, by, at,
                overdueFired, null);
    }

    AuditAction verified(Verification result) {
        if (status != Status.COMPLETED) {
            throw new IllegalStateException("only completed actions are verified; " + actionId + " is " + status);
        }
        return new AuditAction(actionId, what, ownerId, dueOn, immediate, status, evidence, notDoneReason, closedBy,
                closedAt, overdueFired, result);
    }

    AuditAction withdrawn(Instant at) {
        requireOpen();
        return new AuditAction(actionId, what, ownerId, dueOn, immediate, Status.WITHDRAWN, null,
                "replaced by the plan of the resubmitted audit", "system", at, overdueFired, null);
    }

    AuditAction overdueRaised() {
        return new AuditAction(actionId, what, ownerId, dueOn, immediate, status, evidence, notDoneReason, closedBy,
                closedAt, true, verification);
    }

    boolean dueBy(Instant now) {
        return status == Status.OPEN && !overdueFired && !dueAt().isAfter(now);
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new IllegalStateException("action " + actionId + " is already " + status);
        }
    }
}
