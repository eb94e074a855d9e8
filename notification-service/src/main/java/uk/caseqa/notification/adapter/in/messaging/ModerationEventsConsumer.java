package uk.caseqa.notification.adapter.in.messaging;

import java.util.function.Consumer;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.contracts.AuditModerated;
import uk.caseqa.contracts.AuditReturned;
import uk.caseqa.contracts.IroCommentRequested;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.notification.application.NotifyingPeople;

/**
 * Binding {@code moderationEvents-in-0}: the IRO / CP chair asked for comments, an auditor told of a changed grade
 * (where the profile says), an auditor told the panel returned their audit.
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
            if (event.data() instanceof IroCommentRequested) {
                notifying.iroCommentRequested(event.as(IroCommentRequested.class));
            } else if (event.data() instanceof AuditModerated) {
                notifying.auditModerated(event.as(AuditModerated.class));
            } else if (event.data() instanceof AuditReturned) {
                notifying.auditReturned(event.as(AuditReturned.class));
            }
        });
    }
}
