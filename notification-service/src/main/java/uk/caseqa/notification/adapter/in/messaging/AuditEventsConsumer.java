package uk.caseqa.notification.adapter.in.messaging;

import java.util.function.Consumer;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.notification.application.NotifyingPeople;

/** Binding {@code auditEvents-in-0}: who is around each audit; allocations and overdue audits and actions. */
@Component("auditEvents")
class AuditEventsConsumer implements Consumer<Message<byte[]>> {

    private final InboundEvents inbound;
    private final NotifyingPeople notifying;

    AuditEventsConsumer(InboundEvents inbound, NotifyingPeople notifying) {
        this.inbound = inbound;
        this.notifying = notifying;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.handle(message, event -> {
            notifying.remember(event);
            notifying.notify(event);
        });
    }
}
