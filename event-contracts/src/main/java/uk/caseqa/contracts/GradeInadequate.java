package uk.caseqa.contracts;

import java.time.Instant;

/** An audit of a child's case was graded Inadequate; published once per audit. {@code gradedAt} starts the clocks. */
public record GradeInadequate(String auditId, String caseId, String serviceId, String teamId, String serviceManagerId,
        GradedBy gradedBy, Instant gradedAt) implements EventPayload {
    public GradeInadequate {
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(serviceId, "data.serviceId");
        Require.text(teamId, "data.teamId");
        Require.text(serviceManagerId, "data.serviceManagerId");
        Require.present(gradedBy, "data.gradedBy");
        Require.present(gradedAt, "data.gradedAt");
    }
}
