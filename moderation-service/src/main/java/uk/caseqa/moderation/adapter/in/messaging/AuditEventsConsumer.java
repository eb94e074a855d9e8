package uk.caseqa.moderation.adapter.in.messaging;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.moderation.application.ModeratingAudits;

/** Binding {@code auditEvents-in-0}: audit-service's events; a completed audit starts its moderation. */
@Component("auditEvents")
class AuditEventsConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(AuditEventsConsumer.class);
    private final InboundEvents inbound;
    private final ModeratingAudits moderating;

    AuditEventsConsumer(InboundEvents inbound, ModeratingAudits moderating) {
        this.inbound = inbound;
        this.moderating = moderating;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.handle(message, event -> {
            if (event.data() instanceof AuditCompleted) {
                if (!moderating.auditCompleted(event.as(AuditCompleted.class))) {
                    log.info("moderation of {} already started; redelivery ignored", event.subject());
                }
            }
        });
    }
}
