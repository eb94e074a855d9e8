package uk.caseqa.contracts;

import java.time.Instant;

/** A short re-audit of the case is due by {@code dueBy} (6 weeks after moderation). */
public record ReAuditScheduled(String caseOfConcernId, String auditId, String caseId, Instant dueBy)
        implements EventPayload {
    public ReAuditScheduled {
        Require.text(caseOfConcernId, "data.caseOfConcernId");
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.present(dueBy, "data.dueBy");
    }
}
