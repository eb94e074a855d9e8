package uk.caseqa.contracts;

import java.time.Instant;

/**
 * A Requires Improvement follow-up ended: the short audit showed Good or better, the audit's case of concern
 * superseded it, or moderation graded the audit Good or better ({@code outcome} IMPROVED, SUPERSEDED or WITHDRAWN).
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
