package uk.caseqa.notification.adapter.in.messaging;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.contracts.CaseOfConcernEscalated;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.SafetyPlanOverdue;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.notification.application.NotifyingPeople;

/**
 * Binding {@code concernEvents-in-0}: a case of concern opened, a plan overdue or a re-audit without improvement means
 * the people the council's profile names are emailed.
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
            int made = -1;
            if (event.data() instanceof CaseOfConcernOpened) {
                made = notifying.caseOfConcernOpened(event.as(CaseOfConcernOpened.class));
            } else if (event.data() instanceof SafetyPlanOverdue) {
                made = notifying.safetyPlanOverdue(event.as(SafetyPlanOverdue.class));
            } else if (event.data() instanceof CaseOfConcernEscalated) {
                made = notifying.caseOfConcernEscalated(event.as(CaseOfConcernEscalated.class));
            }
            if (made == 0) {
                log.info("{} {} already notified; redelivery ignored", event.type(), event.id());
            }
        });
    }
}
