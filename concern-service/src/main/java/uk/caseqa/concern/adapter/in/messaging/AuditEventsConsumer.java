package uk.caseqa.concern.adapter.in.messaging;

import java.util.function.Consumer;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.concern.application.RespondingToGrades;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.messaging.inbound.InboundEvents;

/**
 * Binding {@code auditEvents-in-0}: audits other than full ones: short audits and dip samples that answer a follow-up,
 * and an Inadequate grade in any of them, which opens a case of concern.
 */
@Component("auditEvents")
class AuditEventsConsumer implements Consumer<Message<byte[]>> {

    private final InboundEvents inbound;
    private final RespondingToGrades responding;

    AuditEventsConsumer(InboundEvents inbound, RespondingToGrades responding) {
        this.inbound = inbound;
        this.responding = responding;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.handle(message, event -> {
            if (event.data() instanceof AuditCompleted) {
                responding.auditCompleted(event.as(AuditCompleted.class));
            }
        });
    }
}
