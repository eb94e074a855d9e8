package uk.caseqa.contracts;

import java.time.Instant;
import java.util.List;

/**
 * Wandsworth's rule (004 ¶33): after a Requires Improvement or Inadequate audit, the team manager dip samples
 * {@code count} more cases of the same social worker, looking for the same concerns. audit-service acts on it.
 */
public record DipSampleRequested(String followUpId, String auditId, String caseId, String socialWorkerId,
        int count, StaffRole requestedFrom, List<String> concernDomains, Instant dueBy) implements EventPayload {
    public DipSampleRequested {
        Require.text(followUpId, "data.followUpId");
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(socialWorkerId, "data.socialWorkerId");
        if (count < 1) {
            throw new InvalidEventException("data.count must be at least 1");
        }
        Require.present(requestedFrom, "data.requestedFrom");
        concernDomains = List.copyOf(Require.present(concernDomains, "data.concernDomains"));
        Require.present(dueBy, "data.dueBy");
    }
}
