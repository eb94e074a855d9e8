package uk.caseqa.audit.adapter.in.messaging;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.audit.application.ParkingFollowUpRequests;
import uk.caseqa.audit.application.RecordingTheRegistry;
import uk.caseqa.contracts.CaseClosed;
import uk.caseqa.contracts.CaseCohortChanged;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.CaseResponsibilityChanged;
import uk.caseqa.messaging.inbound.InboundEvents;

/** Binding {@code caseEvents-in-0}: the case-management systems' case events (opened, cohort, responsibility, closed). */
@Component("caseEvents")
class CaseEventsConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(CaseEventsConsumer.class);
    private final InboundEvents inbound;
    private final RecordingTheRegistry registry;

    private final ParkingFollowUpRequests requests;

    CaseEventsConsumer(InboundEvents inbound, RecordingTheRegistry registry, ParkingFollowUpRequests requests) {
        this.requests = requests;
        this.inbound = inbound;
        this.registry = registry;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.handle(message, event -> {
            boolean applied = true;
            if (event.data() instanceof CaseOpened) {
                applied = registry.caseOpened(event.as(CaseOpened.class));
                if (applied) {
                    requests.somethingArrived(event.localAuthority());
                }
            } else if (event.data() instanceof CaseCohortChanged) {
                applied = registry.cohortChanged(event.as(CaseCohortChanged.class));
            } else if (event.data() instanceof CaseResponsibilityChanged) {
                applied = registry.responsibilityChanged(event.as(CaseResponsibilityChanged.class));
            } else if (event.data() instanceof CaseClosed) {
                applied = registry.caseClosed(event.as(CaseClosed.class));
            } else {
                log.info("{} is not for audit-service; skipped", event.type());
            }
            if (!applied) {
                log.info("case event {} already applied", event.id());
            }
        });
    }
}
