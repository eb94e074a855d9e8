package uk.caseqa.contracts;

import java.time.Instant;

/**
 * An action from an audit was closed: completed with evidence, recorded as not done, or withdrawn when its audit was
 * resubmitted with a new plan. Identifiers and dates only; the evidence and reasons stay in audit-service.
 */
public record ActionClosed(String auditId, String actionId, String caseId, Outcome outcome, Instant dueBy,
        Instant closedAt) implements EventPayload {

    public enum Outcome { COMPLETED, NOT_DONE, WITHDRAWN }

    public ActionClosed {
        Require.text(auditId, "data.auditId");
        Require.text(actionId, "data.actionId");
        Require.text(caseId, "data.caseId");
        Require.present(outcome, "data.outcome");
        Require.present(dueBy, "data.dueBy");
        Require.present(closedAt, "data.closedAt");
    }
}
