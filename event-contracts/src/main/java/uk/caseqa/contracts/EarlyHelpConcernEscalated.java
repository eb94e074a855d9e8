package uk.caseqa.contracts;

import java.time.Instant;
import java.util.List;

/**
 * The Early Help QA panel, reviewing an Inadequate Early Help audit's case of concern (the triple lock, 000 §5), found
 * the actions or progress a concern: escalated to {@code escalateTo} (the Corporate Director) and for the Closing the
 * Loop Steering Group. The panel's words stay in concern-service.
 */
public record EarlyHelpConcernEscalated(String caseOfConcernId, String auditId, String caseId, String reviewedBy,
        List<StaffRole> escalateTo, Instant escalatedAt) implements EventPayload {
    public EarlyHelpConcernEscalated {
        Require.text(caseOfConcernId, "data.caseOfConcernId");
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(reviewedBy, "data.reviewedBy");
        escalateTo = List.copyOf(Require.present(escalateTo, "data.escalateTo"));
        Require.present(escalatedAt, "data.escalatedAt");
    }
}
