package uk.caseqa.audit.application;

import java.util.List;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.messaging.outbox.EventFactory;
import uk.caseqa.messaging.outbox.OutboxEvent;

/** The facts an audit raised, as the outbox events its next write carries (keyed by the audit, in its council). */
final class AuditEvents {

    private AuditEvents() {
    }

    static List<OutboxEvent> of(EventFactory events, Audit audit) {
        return audit.raised().stream().map(e -> events.outboxEvent(audit.auditId(), audit.localAuthority(), e))
                .toList();
    }
}
