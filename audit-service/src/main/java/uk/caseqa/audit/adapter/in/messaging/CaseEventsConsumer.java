package uk.caseqa.audit.adapter.in.messaging;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.audit.application.RecordingTheRegistry;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.messaging.inbound.InboundEvents;

/** Binding {@code caseEvents-in-0}: the case-management systems' case events. */
@Component("caseEvents")
class CaseEventsConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(CaseEventsConsumer.class);
    private final InboundEvents inbound;
    private final RecordingTheRegistry registry;

    CaseEventsConsumer(InboundEvents inbound, RecordingTheRegistry registry) {
        this.inbound = inbound;
        this.registry = registry;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.handle(message, event -> {
            if (event.data() instanceof CaseOpened) {
                if (!registry.caseOpened(event.as(CaseOpened.class))) {
                    log.info("case event {} already applied", event.id());
                }
            } else {
                log.info("{} is not for audit-service; skipped", event.type());
            }
        });
    }
}
