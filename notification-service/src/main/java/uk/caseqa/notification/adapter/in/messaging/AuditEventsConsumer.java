package uk.caseqa.notification.adapter.in.messaging;

import org.springframework.stereotype.Component;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.notification.application.KeepingWorkLists;
import uk.caseqa.notification.application.NotifyingPeople;

/** Binding {@code auditEvents-in-0}: who is around each audit; allocations and overdue audits and actions. */
@Component("auditEvents")
class AuditEventsConsumer extends RoutedEvents {

    AuditEventsConsumer(InboundEvents inbound, NotifyingPeople notifying, KeepingWorkLists workLists) {
        super(inbound, notifying, workLists);
    }
}
