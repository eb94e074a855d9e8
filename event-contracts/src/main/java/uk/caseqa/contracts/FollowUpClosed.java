package uk.caseqa.contracts;

import java.time.Instant;

/**
 * A Requires Improvement follow-up ended: the short audit showed Good or better, or the audit's case of concern
 * superseded it ({@code outcome} IMPROVED or SUPERSEDED).
 */
public record FollowUpClosed(String followUpId, String auditId, String caseId, String outcome, String shortAuditId,
        Grade shortAuditGrade, Instant closedAt) implements EventPayload {
    public FollowUpClosed {
        Require.text(followUpId, "data.followUpId");
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(outcome, "data.outcome");
        Require.present(closedAt, "data.closedAt");
    }
}
