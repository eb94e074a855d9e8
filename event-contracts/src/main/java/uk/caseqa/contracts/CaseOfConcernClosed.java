package uk.caseqa.contracts;

import java.time.Instant;

/**
 * The short re-audit showed practice improved to Good or better: the case of concern is closed. Optional since
 * schema 1: the case's team, for the boards' counts.
 */
public record CaseOfConcernClosed(String caseOfConcernId, String auditId, String caseId, String reAuditId,
        Grade reAuditGrade, int cycle, Instant closedAt, String teamId) implements EventPayload {
    public CaseOfConcernClosed {
        Require.text(caseOfConcernId, "data.caseOfConcernId");
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(reAuditId, "data.reAuditId");
        Require.present(reAuditGrade, "data.reAuditGrade");
        Require.present(closedAt, "data.closedAt");
    }
}
