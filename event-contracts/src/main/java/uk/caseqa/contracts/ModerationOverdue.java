package uk.caseqa.contracts;

import java.time.Instant;

/** The moderator did not decide by the deadline: escalated to the QA manager; published once. */
public record ModerationOverdue(String auditId, String caseId, String moderatorId, Instant dueBy)
        implements EventPayload {
    public ModerationOverdue {
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(moderatorId, "data.moderatorId");
        Require.present(dueBy, "data.dueBy");
    }
}
