package uk.caseqa.contracts;

import java.time.Instant;

/** An action from an audit was not completed (or declared not done) by its due date; published once. */
public record ActionOverdue(String auditId, String actionId, String caseId, String ownerId, boolean immediate,
        Instant dueBy) implements EventPayload {
    public ActionOverdue {
        Require.text(auditId, "data.auditId");
        Require.text(actionId, "data.actionId");
        Require.text(caseId, "data.caseId");
        Require.text(ownerId, "data.ownerId");
        Require.present(dueBy, "data.dueBy");
    }
}
