package uk.caseqa.reporting.adapter.in.messaging;

import java.util.function.Consumer;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.contracts.AuditModerated;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.reporting.application.CountingForTheBoard;

/** Binding {@code moderationEvents-in-0}: final grades for the grade distribution. */
@Component("moderationEvents")
class ModerationEventsConsumer implements Consumer<Message<byte[]>> {

    private final InboundEvents inbound;
    private final CountingForTheBoard counting;

    ModerationEventsConsumer(InboundEvents inbound, CountingForTheBoard counting) {
        this.inbound = inbound;
        this.counting = counting;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.handle(message, event -> {
            if (event.data() instanceof AuditModerated) {
                counting.auditModerated(event.as(AuditModerated.class));
            }
        });
    }
}
