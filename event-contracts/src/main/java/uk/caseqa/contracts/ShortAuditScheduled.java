package uk.caseqa.contracts;

import java.time.Instant;

/** After a Requires Improvement audit, a short audit must confirm the actions brought practice to Good. */
public record ShortAuditScheduled(String followUpId, String auditId, String caseId, Instant dueBy, StaffRole auditBy,
        int cycle) implements EventPayload {
    public ShortAuditScheduled {
        Require.text(followUpId, "data.followUpId");
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.present(dueBy, "data.dueBy");
        Require.present(auditBy, "data.auditBy");
    }
}
