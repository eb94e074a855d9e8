package uk.caseqa.contracts;

import java.time.Instant;

/** A moderator (never the auditor) was assigned to check an audit by a deadline. */
public record ModerationAssigned(String auditId, String caseId, String moderatorId, String reason, Instant dueBy)
        implements EventPayload {
    public ModerationAssigned {
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(moderatorId, "data.moderatorId");
        Require.text(reason, "data.reason");
        Require.present(dueBy, "data.dueBy");
    }
}
