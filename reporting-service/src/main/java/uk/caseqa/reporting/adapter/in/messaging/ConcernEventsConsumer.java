package uk.caseqa.reporting.adapter.in.messaging;

import java.util.function.Consumer;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.contracts.CaseOfConcernClosed;
import uk.caseqa.contracts.CaseOfConcernEscalated;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.reporting.application.CountingForTheBoard;

/** Binding {@code concernEvents-in-0}: cases of concern opened, closed and escalated. */
@Component("concernEvents")
class ConcernEventsConsumer implements Consumer<Message<byte[]>> {

    private final InboundEvents inbound;
    private final CountingForTheBoard counting;

    ConcernEventsConsumer(InboundEvents inbound, CountingForTheBoard counting) {
        this.inbound = inbound;
        this.counting = counting;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.handle(message, event -> {
            if (event.data() instanceof CaseOfConcernOpened) {
                counting.caseOfConcernOpened(event.as(CaseOfConcernOpened.class));
            } else if (event.data() instanceof CaseOfConcernClosed) {
                counting.caseOfConcernClosed(event.as(CaseOfConcernClosed.class));
            } else if (event.data() instanceof CaseOfConcernEscalated) {
                counting.caseOfConcernEscalated(event.as(CaseOfConcernEscalated.class));
            }
        });
    }
}
