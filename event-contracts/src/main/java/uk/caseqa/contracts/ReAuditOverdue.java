package uk.caseqa.contracts;

import java.time.Instant;

/** The short re-audit of a case of concern (or follow-up short audit) was not completed by its deadline. */
public record ReAuditOverdue(String followUpId, String auditId, String caseId, Instant dueBy, int cycle)
        implements EventPayload {
    public ReAuditOverdue {
        Require.text(followUpId, "data.followUpId");
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.present(dueBy, "data.dueBy");
    }
}
