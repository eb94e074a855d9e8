package uk.caseqa.contracts;

import java.time.Instant;

/**
 * The QA panel returned the audit to its auditor. {@code reason} is the panel's note on the audit itself (what
 * evidence is missing), at most 500 characters; it must not carry case content.
 */
public record AuditReturned(String auditId, String caseId, String auditorId, String panelId, String reason,
        String returnedBy, Instant returnedAt) implements EventPayload {
    public AuditReturned {
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(auditorId, "data.auditorId");
        Require.text(panelId, "data.panelId");
        Require.present(reason, "data.reason");
        if (reason.isBlank() || reason.length() > 500) {
            throw new InvalidEventException("data.reason must be 1 to 500 characters");
        }
        Require.text(returnedBy, "data.returnedBy");
        Require.present(returnedAt, "data.returnedAt");
    }
}
