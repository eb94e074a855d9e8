package uk.caseqa.contracts;

import java.time.Instant;

/** The IRO or CP chair added comments to the audit; the comments stay in moderation-service. */
public record IroCommentRecorded(String auditId, String caseId, String iroId, Instant recordedAt, boolean late)
        implements EventPayload {
    public IroCommentRecorded {
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(iroId, "data.iroId");
        Require.present(recordedAt, "data.recordedAt");
    }
}
