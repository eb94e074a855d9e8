package uk.caseqa.contracts;

import java.time.Instant;

/** The QA team checked a completed action (000 Appendix 4): confirmed, or not; the note stays in audit-service. */
public record ActionVerified(String auditId, String actionId, String caseId, boolean confirmed, Instant verifiedAt)
        implements EventPayload {
    public ActionVerified {
        Require.text(auditId, "data.auditId");
        Require.text(actionId, "data.actionId");
        Require.text(caseId, "data.caseId");
        Require.present(verifiedAt, "data.verifiedAt");
    }
}
