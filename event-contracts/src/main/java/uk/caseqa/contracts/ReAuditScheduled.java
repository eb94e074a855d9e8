package uk.caseqa.contracts;

import java.time.Instant;

/**
 * A short re-audit of the case is due by {@code dueBy} (6 weeks after moderation, then again after each cycle without
 * improvement). Optional since schema 1: {@code cycle} (1 when absent) and who does it ({@code reAuditBy}).
 */
public record ReAuditScheduled(String caseOfConcernId, String auditId, String caseId, Instant dueBy, Integer cycle,
        StaffRole reAuditBy) implements EventPayload {
    public ReAuditScheduled {
        Require.text(caseOfConcernId, "data.caseOfConcernId");
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.present(dueBy, "data.dueBy");
        cycle = cycle == null ? 1 : cycle;
    }
}
