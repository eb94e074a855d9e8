package uk.caseqa.notification.adapter.in.messaging;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.notification.application.NotifyingPeople;

/**
 * Binding {@code concernEvents-in-0}: a case of concern opened, a plan or re-audit overdue, a re-audit without
 * improvement, a case of concern closed: the people the council's profile names are emailed.
 */
@Component("concernEvents")
class ConcernEventsConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(ConcernEventsConsumer.class);
    private final InboundEvents inbound;
    private final NotifyingPeople notifying;

    ConcernEventsConsumer(InboundEvents inbound, NotifyingPeople notifying) {
        this.inbound = inbound;
        this.notifying = notifying;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.handle(message, event -> {
            if (notifying.notify(event) == 0) {
                log.debug("{} {}: nobody newly notified (not routed, or a redelivery)", event.type(), event.id());
            }
        });
    }
}
