package uk.caseqa.reporting.adapter.in.messaging;

import java.util.function.Consumer;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Binding {@code auditEvents-in-0}, in batches: qa.audit-events, allocations, submissions, overdue audits and
 * actions, action outcomes.
 */
@Component("auditEvents")
class AuditEventsConsumer implements Consumer<Message<?>> {

    private final ProjectedBatches batches;

    AuditEventsConsumer(ProjectedBatches batches) {
        this.batches = batches;
    }

    @Override
    public void accept(Message<?> batch) {
        batches.project(batch, "qa.audit-events");
    }
}
