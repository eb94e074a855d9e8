package uk.caseqa.contracts;

import java.time.Instant;

/**
 * A completed audit goes to the QA panel without moderation: the council's profile does not moderate it (not in the
 * sample, or no moderation of that grade). From here the auditor's grade is the audit's final grade.
 */
public record ModerationWaived(String auditId, String caseId, String reason, Instant waivedAt)
        implements EventPayload {
    public ModerationWaived {
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(reason, "data.reason");
        Require.present(waivedAt, "data.waivedAt");
    }
}
