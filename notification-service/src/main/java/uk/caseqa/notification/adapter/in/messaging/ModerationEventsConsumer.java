package uk.caseqa.notification.adapter.in.messaging;

import org.springframework.stereotype.Component;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.notification.application.KeepingWorkLists;
import uk.caseqa.notification.application.NotifyingPeople;

/**
 * Binding {@code moderationEvents-in-0}: who moderates each audit; the IRO / CP chair asked, moderation, panel
 * outcomes, closures and their deadlines, routed by the council's profile.
 */
@Component("moderationEvents")
class ModerationEventsConsumer extends RoutedEvents {

    ModerationEventsConsumer(InboundEvents inbound, NotifyingPeople notifying, KeepingWorkLists workLists) {
        super(inbound, notifying, workLists);
    }
}
