package uk.caseqa.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A case of concern was opened after an Inadequate grade: a safety plan and a short re-audit are due. Optional since
 * schema 1: the council's policy profile and the roles it says are told, besides the case's service manager.
 */
public record CaseOfConcernOpened(String caseOfConcernId, String auditId, String caseId, String serviceId,
        String teamId, String serviceManagerId, Instant safetyPlanDueBy, Instant reAuditDueBy, Instant openedAt,
        String profileId, List<StaffRole> alsoTell) implements EventPayload {
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
        alsoTell = alsoTell == null ? List.of() : List.copyOf(alsoTell);
    }
}
