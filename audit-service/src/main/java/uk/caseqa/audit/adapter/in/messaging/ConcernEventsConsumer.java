package uk.caseqa.audit.adapter.in.messaging;

import java.util.function.Consumer;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.audit.application.ParkingFollowUpRequests;
import uk.caseqa.messaging.inbound.InboundEvents;

/**
 * Binding {@code concernEvents-in-0}: short audits, dip samples and caseload audits concern-service asks for; one that
 * cannot be met yet is parked, not dead-lettered.
 */
@Component("concernEvents")
class ConcernEventsConsumer implements Consumer<Message<byte[]>> {

    private final InboundEvents inbound;
    private final ParkingFollowUpRequests requests;

    ConcernEventsConsumer(InboundEvents inbound, ParkingFollowUpRequests requests) {
        this.inbound = inbound;
        this.requests = requests;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.handle(message, requests::requested);
    }
}
