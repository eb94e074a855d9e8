package uk.caseqa.notification.adapter.in.messaging;

import org.springframework.stereotype.Component;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.notification.application.KeepingWorkLists;
import uk.caseqa.notification.application.NotifyingPeople;

/**
 * Binding {@code caseEvents-in-0}: who is responsible for each case (service, team, social worker, team manager,
 * service manager, IRO / CP chair), so that an audit overdue before it was ever completed reaches the case's people.
 */
@Component("caseEvents")
class CaseEventsConsumer extends RoutedEvents {

    CaseEventsConsumer(InboundEvents inbound, NotifyingPeople notifying, KeepingWorkLists workLists) {
        super(inbound, notifying, workLists);
    }
}
