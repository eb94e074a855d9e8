package uk.caseqa.reporting.adapter.in.messaging;

import java.util.function.Consumer;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.reporting.application.ProjectingEvents;

/** Binding {@code moderationEvents-in-0}, qa.moderation-events: moderation waived, assigned and decided, IRO comments, panel acceptance and close. */
@Component("moderationEvents")
class ModerationEventsConsumer implements Consumer<Message<byte[]>> {

    private final InboundEvents inbound;
    private final ProjectingEvents projecting;
    private final CatchingUp catchingUp;

    ModerationEventsConsumer(InboundEvents inbound, ProjectingEvents projecting, CatchingUp catchingUp) {
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
