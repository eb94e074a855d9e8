package uk.caseqa.contracts;

import java.time.Instant;

/** No IRO / CP chair comments within the window; published once. */
public record IroCommentOverdue(String auditId, String caseId, String iroId, Instant dueBy) implements EventPayload {
    public IroCommentOverdue {
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(iroId, "data.iroId");
        Require.present(dueBy, "data.dueBy");
    }
}
