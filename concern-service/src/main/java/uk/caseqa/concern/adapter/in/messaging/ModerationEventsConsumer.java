package uk.caseqa.concern.adapter.in.messaging;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.concern.application.OpeningCasesOfConcern;
import uk.caseqa.contracts.GradeInadequate;
import uk.caseqa.messaging.inbound.InboundEvents;

/** Binding {@code moderationEvents-in-0}: moderation-service's events; an Inadequate grade opens a case of concern. */
@Component("moderationEvents")
class ModerationEventsConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(ModerationEventsConsumer.class);
    private final InboundEvents inbound;
    private final OpeningCasesOfConcern opening;

    ModerationEventsConsumer(InboundEvents inbound, OpeningCasesOfConcern opening) {
        this.inbound = inbound;
        this.opening = opening;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.handle(message, event -> {
            if (event.data() instanceof GradeInadequate) {
                if (!opening.gradeInadequate(event.as(GradeInadequate.class))) {
                    log.info("audit {} already has a case of concern; {} ignored", event.subject(), event.id());
                }
            }
        });
    }
}
