package uk.caseqa.contracts;

import java.time.Instant;
import java.util.List;

/**
 * The short re-audit showed no improvement: escalated to {@code escalateTo}, and a further cycle begins. Optional
 * since schema 1: the case's team, for the boards' counts.
 */
public record CaseOfConcernEscalated(String caseOfConcernId, String auditId, String caseId, String reAuditId,
        Grade reAuditGrade, int cycle, List<StaffRole> escalateTo, Instant escalatedAt, String teamId)
        implements EventPayload {
    public CaseOfConcernEscalated {
        Require.text(caseOfConcernId, "data.caseOfConcernId");
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(reAuditId, "data.reAuditId");
        Require.present(reAuditGrade, "data.reAuditGrade");
        escalateTo = List.copyOf(Require.present(escalateTo, "data.escalateTo"));
        Require.present(escalatedAt, "data.escalatedAt");
    }
}
