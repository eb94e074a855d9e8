package uk.caseqa.contracts;

import java.time.Instant;
import java.util.List;

/**
 * An audit was graded Requires Improvement (and not Inadequate) by the auditor or the moderator; published once per
 * audit. {@code domainsBelowGood} are the concerns a follow-up looks for again.
 */
public record GradeRequiresImprovement(String auditId, String caseId, String serviceId, String teamId,
        String serviceManagerId, String socialWorkerId, GradedBy gradedBy, Instant gradedAt,
        List<String> domainsBelowGood) implements EventPayload {
    public GradeRequiresImprovement {
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(serviceId, "data.serviceId");
        Require.text(teamId, "data.teamId");
        Require.text(serviceManagerId, "data.serviceManagerId");
        Require.text(socialWorkerId, "data.socialWorkerId");
        Require.present(gradedBy, "data.gradedBy");
        Require.present(gradedAt, "data.gradedAt");
        domainsBelowGood = domainsBelowGood == null ? List.of() : List.copyOf(domainsBelowGood);
    }
}
