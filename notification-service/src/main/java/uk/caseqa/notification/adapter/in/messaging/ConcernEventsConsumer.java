package uk.caseqa.notification.adapter.in.messaging;

import org.springframework.stereotype.Component;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.notification.application.KeepingWorkLists;
import uk.caseqa.notification.application.NotifyingPeople;

/**
 * Binding {@code concernEvents-in-0}: a case of concern opened, a plan or re-audit overdue, a re-audit without
 * improvement, a case of concern closed: the people the council's profile names are emailed.
 */
@Component("concernEvents")
class ConcernEventsConsumer extends RoutedEvents {

    ConcernEventsConsumer(InboundEvents inbound, NotifyingPeople notifying, KeepingWorkLists workLists) {
        super(inbound, notifying, workLists);
    }
}
