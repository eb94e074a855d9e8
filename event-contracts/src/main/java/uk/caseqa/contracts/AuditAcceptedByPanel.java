package uk.caseqa.contracts;

import java.time.Instant;

/** The QA panel accepted the audit with its findings; the QA manager is to close it by {@code closeDueBy}. */
public record AuditAcceptedByPanel(String auditId, String caseId, String panelId, Instant closeDueBy)
        implements EventPayload {
    public AuditAcceptedByPanel {
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(panelId, "data.panelId");
        Require.present(closeDueBy, "data.closeDueBy");
    }
}
