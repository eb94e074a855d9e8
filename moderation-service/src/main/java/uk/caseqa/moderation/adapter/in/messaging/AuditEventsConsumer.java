package uk.caseqa.moderation.adapter.in.messaging;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.contracts.AuditAllocated;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.moderation.application.ModeratingAudits;
import uk.caseqa.moderation.application.RequestingIroComments;

/**
 * Binding {@code auditEvents-in-0}: an allocated audit asks the IRO / CP chair for comments; a completed (or
 * resubmitted) case-file or Early Help audit starts moderation. Short audits and dip samples are not moderated here.
 */
@Component("auditEvents")
class AuditEventsConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(AuditEventsConsumer.class);
    private final InboundEvents inbound;
    private final ModeratingAudits moderating;
    private final RequestingIroComments iroComments;

    AuditEventsConsumer(InboundEvents inbound, ModeratingAudits moderating, RequestingIroComments iroComments) {
        this.inbound = inbound;
        this.moderating = moderating;
        this.iroComments = iroComments;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.handle(message, event -> {
            if (event.data() instanceof AuditCompleted completed && completed.auditType().moderated()) {
                if (!moderating.auditCompleted(event.as(AuditCompleted.class))) {
                    log.info("moderation of {} already started; {} changed nothing", event.subject(), event.id());
                }
            } else if (event.data() instanceof AuditAllocated) {
                iroComments.auditAllocated(event.as(AuditAllocated.class));
            }
        });
    }
}
