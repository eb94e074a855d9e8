package uk.caseqa.notification.adapter.in.messaging;

import java.util.function.Consumer;
import org.springframework.messaging.Message;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.notification.application.NotifyingPeople;

/**
 * What every stream's consumer here does with an event: keep what it says about who is around its audit, then tell
 * the people the council's route names. Each upstream stream has its own binding and class.
 */
abstract class RoutedEvents implements Consumer<Message<byte[]>> {

    private final InboundEvents inbound;
    private final NotifyingPeople notifying;

    RoutedEvents(InboundEvents inbound, NotifyingPeople notifying) {
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
