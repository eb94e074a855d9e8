package uk.caseqa.reporting.adapter.in.messaging;

import java.util.function.Consumer;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.reporting.application.ProjectingEvents;

/** Binding {@code concernEvents-in-0}, qa.concern-events: cases of concern, safety plans, re-audits, short audits, dip samples and caseload audits. */
@Component("concernEvents")
class ConcernEventsConsumer implements Consumer<Message<byte[]>> {

    private final InboundEvents inbound;
    private final ProjectingEvents projecting;
    private final CatchingUp catchingUp;

    ConcernEventsConsumer(InboundEvents inbound, ProjectingEvents projecting, CatchingUp catchingUp) {
        this.inbound = inbound;
        this.projecting = projecting;
        this.catchingUp = catchingUp;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.handle(message, projecting::project);
        catchingUp.consumed(message);
    }
}
