package uk.caseqa.contracts;

import java.time.Instant;

/** The QA manager closed the audit after the panel; it is read-only from now on. */
public record AuditClosed(String auditId, String caseId, String panelId, String closedBy, Instant closedAt,
        boolean late) implements EventPayload {
    public AuditClosed {
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(closedBy, "data.closedBy");
        Require.present(closedAt, "data.closedAt");
    }
}
