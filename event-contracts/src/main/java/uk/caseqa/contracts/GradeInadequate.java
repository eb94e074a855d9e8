package uk.caseqa.contracts;

import java.time.Instant;
import java.util.List;

/**
 * An audit of a child's case was graded Inadequate; published once per audit. {@code gradedAt} starts the clocks.
 * Since schema 1 additions (optional): the case's social worker, the practice domains graded below Good, and the
 * audit's type (FULL when absent; EARLY_HELP audits have the Early Help panel's triple lock, 000 §5).
 */
public record GradeInadequate(String auditId, String caseId, String serviceId, String teamId, String serviceManagerId,
        GradedBy gradedBy, Instant gradedAt, String socialWorkerId, List<String> domainsBelowGood, AuditType auditType)
        implements EventPayload {

    public GradeInadequate(String auditId, String caseId, String serviceId, String teamId, String serviceManagerId,
            GradedBy gradedBy, Instant gradedAt, String socialWorkerId, List<String> domainsBelowGood) {
        this(auditId, caseId, serviceId, teamId, serviceManagerId, gradedBy, gradedAt, socialWorkerId,
                domainsBelowGood, null);
    }

    public GradeInadequate {
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(serviceId, "data.serviceId");
        Require.text(teamId, "data.teamId");
        Require.text(serviceManagerId, "data.serviceManagerId");
        Require.present(gradedBy, "data.gradedBy");
        Require.present(gradedAt, "data.gradedAt");
        domainsBelowGood = domainsBelowGood == null ? List.of() : List.copyOf(domainsBelowGood);
        auditType = AuditType.orFull(auditType);
    }
}
