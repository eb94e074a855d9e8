package uk.caseqa.contracts;

import java.time.Instant;
import java.util.Map;

/** The auditor submitted the audit: domain grades, an overall grade; the rationale stays in audit-service. */
public record AuditCompleted(String auditId, String caseId, String serviceId, String teamId, String auditorId,
        String socialWorkerId, String serviceManagerId, Grade overallGrade, Map<String, Grade> domainGrades,
        boolean familyFeedbackObtained, Instant completedAt) implements EventPayload {
    public AuditCompleted {
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(serviceId, "data.serviceId");
        Require.text(teamId, "data.teamId");
        Require.text(auditorId, "data.auditorId");
        Require.text(socialWorkerId, "data.socialWorkerId");
        Require.text(serviceManagerId, "data.serviceManagerId");
        Require.present(overallGrade, "data.overallGrade");
        domainGrades = Require.copyOf(domainGrades, "data.domainGrades");
        Require.present(completedAt, "data.completedAt");
    }
}
