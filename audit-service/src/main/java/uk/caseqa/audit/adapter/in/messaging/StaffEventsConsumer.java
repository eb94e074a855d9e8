package uk.caseqa.audit.adapter.in.messaging;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.audit.application.RecordingTheRegistry;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.messaging.inbound.InboundEvents;

/** Binding {@code staffEvents-in-0}: staff joining or changing role or team. */
@Component("staffEvents")
class StaffEventsConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(StaffEventsConsumer.class);
    private final InboundEvents inbound;
    private final RecordingTheRegistry registry;

    StaffEventsConsumer(InboundEvents inbound, RecordingTheRegistry registry) {
        this.inbound = inbound;
        this.registry = registry;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.handle(message, event -> {
            if (event.data() instanceof StaffMemberRegistered) {
                registry.staffMemberRegistered(event.as(StaffMemberRegistered.class));
            } else {
                log.info("{} is not for audit-service; skipped", event.type());
            }
        });
    }
}
