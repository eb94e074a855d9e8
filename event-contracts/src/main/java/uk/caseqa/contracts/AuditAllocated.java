package uk.caseqa.contracts;

import java.time.Instant;

/**
 * The QA team allocated an audit of a case to an auditor, with a completion deadline. Optional since schema 1: the
 * case's IRO / CP chair, who is asked for comments.
 */
public record AuditAllocated(String auditId, String caseId, String auditorId, String allocatedBy,
        Instant completionDueBy, String iroId) implements EventPayload {
    public AuditAllocated {
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(auditorId, "data.auditorId");
        Require.text(allocatedBy, "data.allocatedBy");
        Require.present(completionDueBy, "data.completionDueBy");
    }
}
