package uk.caseqa.contracts;

import java.time.Instant;

/** The service manager (or someone up the chain) recorded the plan that keeps the child safe; its text stays in concern-service. */
public record SafetyPlanRecorded(String caseOfConcernId, String auditId, String caseId, String recordedBy,
        Instant recordedAt, boolean late) implements EventPayload {
    public SafetyPlanRecorded {
        Require.text(caseOfConcernId, "data.caseOfConcernId");
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(recordedBy, "data.recordedBy");
        Require.present(recordedAt, "data.recordedAt");
    }
}
