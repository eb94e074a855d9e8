package uk.caseqa.notification.adapter.in.messaging;

import java.util.function.Consumer;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.notification.application.NotifyingPeople;

/**
 * Binding {@code moderationEvents-in-0}: who moderates each audit; the IRO / CP chair asked, moderation, panel
 * outcomes, closures and their deadlines, routed by the council's profile.
 */
@Component("moderationEvents")
class ModerationEventsConsumer implements Consumer<Message<byte[]>> {

    private final InboundEvents inbound;
    private final NotifyingPeople notifying;

    ModerationEventsConsumer(InboundEvents inbound, NotifyingPeople notifying) {
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
