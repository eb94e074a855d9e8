package uk.caseqa.contracts;

import java.time.Instant;

/**
 * The audit was not moderated by the deadline: escalated to the QA manager; published once. {@code moderatorId} is
 * null when nobody could be assigned (no eligible moderator other than the auditor), which is why it is overdue.
 */
public record ModerationOverdue(String auditId, String caseId, String moderatorId, Instant dueBy)
        implements EventPayload {
    public ModerationOverdue {
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.present(dueBy, "data.dueBy");
    }
}
