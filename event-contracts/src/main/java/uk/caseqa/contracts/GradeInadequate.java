package uk.caseqa.contracts;

import java.time.Instant;
import java.util.List;

/**
 * An audit of a child's case was graded Inadequate; published once per audit. {@code gradedAt} starts the clocks.
 * Since schema 1 additions (optional): the case's social worker and the practice domains graded below Good.
 */
public record GradeInadequate(String auditId, String caseId, String serviceId, String teamId, String serviceManagerId,
        GradedBy gradedBy, Instant gradedAt, String socialWorkerId, List<String> domainsBelowGood)
        implements EventPayload {
    public GradeInadequate {
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(serviceId, "data.serviceId");
        Require.text(teamId, "data.teamId");
        Require.text(serviceManagerId, "data.serviceManagerId");
        Require.present(gradedBy, "data.gradedBy");
        Require.present(gradedAt, "data.gradedAt");
        domainsBelowGood = domainsBelowGood == null ? List.of() : List.copyOf(domainsBelowGood);
    }
}
