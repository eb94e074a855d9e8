package uk.caseqa.contracts;

import java.time.Instant;

/** An audit was not completed by its deadline: escalated to the QA manager; published once. */
public record AuditOverdue(String auditId, String caseId, String auditorId, Instant dueBy) implements EventPayload {
    public AuditOverdue {
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(auditorId, "data.auditorId");
        Require.present(dueBy, "data.dueBy");
    }
}
