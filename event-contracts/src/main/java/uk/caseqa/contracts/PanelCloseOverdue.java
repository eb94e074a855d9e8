package uk.caseqa.contracts;

import java.time.Instant;

/** An audit accepted by the panel was not closed within 2 working days of the panel; published once. */
public record PanelCloseOverdue(String auditId, String caseId, String panelId, Instant dueBy) implements EventPayload {
    public PanelCloseOverdue {
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(panelId, "data.panelId");
        Require.present(dueBy, "data.dueBy");
    }
}
