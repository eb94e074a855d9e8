package uk.caseqa.contracts;

import java.time.Instant;
import java.util.List;

/** A dip sample found the same concerns again: the social worker's whole caseload is to be audited (004 ¶33). */
public record CaseloadAuditRequested(String followUpId, String socialWorkerId, List<String> sameConcerns,
        String foundInAuditId, Instant requestedAt) implements EventPayload {
    public CaseloadAuditRequested {
        Require.text(followUpId, "data.followUpId");
        Require.text(socialWorkerId, "data.socialWorkerId");
        sameConcerns = List.copyOf(Require.present(sameConcerns, "data.sameConcerns"));
        Require.text(foundInAuditId, "data.foundInAuditId");
        Require.present(requestedAt, "data.requestedAt");
    }
}
