package uk.caseqa.contracts;

import java.time.Instant;

/**
 * A moderator agreed or changed the audit's overall grade. Optional since schema 1: the auditor, and whether the
 * council's profile says the auditor is told of a changed grade (Wandsworth, 004 ¶29).
 */
public record AuditModerated(String auditId, String caseId, String serviceId, String teamId, String moderatorId,
        Grade auditorGrade, Grade finalGrade, GradeChange change, Instant moderatedAt, String auditorId,
        boolean tellAuditor) implements EventPayload {
    public AuditModerated {
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(serviceId, "data.serviceId");
        Require.text(teamId, "data.teamId");
        Require.text(moderatorId, "data.moderatorId");
        Require.present(auditorGrade, "data.auditorGrade");
        Require.present(finalGrade, "data.finalGrade");
        Require.present(change, "data.change");
        Require.present(moderatedAt, "data.moderatedAt");
    }
}
