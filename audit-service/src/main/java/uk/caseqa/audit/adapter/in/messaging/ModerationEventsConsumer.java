package uk.caseqa.audit.adapter.in.messaging;

import java.util.function.Consumer;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.audit.application.FollowingThePanel;
import uk.caseqa.contracts.AuditClosed;
import uk.caseqa.contracts.AuditReturned;
import uk.caseqa.contracts.ModerationAssigned;
import uk.caseqa.messaging.inbound.InboundEvents;

/** Binding {@code moderationEvents-in-0}: the panel returned an audit to its auditor, or it was closed. */
@Component("moderationEvents")
class ModerationEventsConsumer implements Consumer<Message<byte[]>> {

    private final InboundEvents inbound;
    private final FollowingThePanel panel;

    ModerationEventsConsumer(InboundEvents inbound, FollowingThePanel panel) {
        this.inbound = inbound;
        this.panel = panel;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.handle(message, event -> {
            if (event.data() instanceof AuditReturned) {
                panel.auditReturned(event.as(AuditReturned.class));
            } else if (event.data() instanceof ModerationAssigned) {
                panel.moderatorAssigned(event.as(ModerationAssigned.class));
            } else if (event.data() instanceof AuditClosed) {
                panel.auditClosed(event.as(AuditClosed.class));
            }
        });
    }
}
