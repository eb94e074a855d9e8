package uk.caseqa.contracts;

import java.time.Instant;

/** The case's IRO or CP chair is told an audit is taking place and asked for comments by {@code dueBy} (72 hours). */
public record IroCommentRequested(String auditId, String caseId, String iroId, Instant dueBy) implements EventPayload {
    public IroCommentRequested {
        Require.text(auditId, "data.auditId");
        Require.text(caseId, "data.caseId");
        Require.text(iroId, "data.iroId");
        Require.present(dueBy, "data.dueBy");
    }
}
