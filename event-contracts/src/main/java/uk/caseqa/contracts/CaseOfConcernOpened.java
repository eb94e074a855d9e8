package uk.caseqa.contracts;

import java.time.Instant;

/** A case of concern was opened after an Inadequate grade: a safety plan and a short re-audit are due. */
public record CaseOfConcernOpened(String caseOfConcernId, String auditId, String caseId, String serviceId,
        String teamId, String serviceManagerId, Instant safetyPlanDueBy, Instant reAuditDueBy, Instant openedAt)
        implements EventPayload {
    public CaseOfConcernOpened {
        Require.text(caseOfConcernId, "data.caseOfConcernId");
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(serviceId, "data.serviceId");
        Require.text(teamId, "data.teamId");
        Require.text(serviceManagerId, "data.serviceManagerId");
        Require.present(safetyPlanDueBy, "data.safetyPlanDueBy");
        Require.present(reAuditDueBy, "data.reAuditDueBy");
        Require.present(openedAt, "data.openedAt");
    }
}
