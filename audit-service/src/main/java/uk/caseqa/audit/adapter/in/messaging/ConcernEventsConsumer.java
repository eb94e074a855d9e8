package uk.caseqa.audit.adapter.in.messaging;

import java.util.function.Consumer;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.audit.application.SchedulingFollowUpAudits;
import uk.caseqa.contracts.CaseloadAuditRequested;
import uk.caseqa.contracts.DipSampleRequested;
import uk.caseqa.contracts.ReAuditScheduled;
import uk.caseqa.contracts.ShortAuditScheduled;
import uk.caseqa.messaging.inbound.InboundEvents;

/** Binding {@code concernEvents-in-0}: short audits, dip samples and caseload audits concern-service asks for. */
@Component("concernEvents")
class ConcernEventsConsumer implements Consumer<Message<byte[]>> {

    private final InboundEvents inbound;
    private final SchedulingFollowUpAudits scheduling;

    ConcernEventsConsumer(InboundEvents inbound, SchedulingFollowUpAudits scheduling) {
        this.inbound = inbound;
        this.scheduling = scheduling;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.handle(message, event -> {
            if (event.data() instanceof ReAuditScheduled) {
                scheduling.reAuditScheduled(event.as(ReAuditScheduled.class));
            } else if (event.data() instanceof ShortAuditScheduled) {
                scheduling.shortAuditScheduled(event.as(ShortAuditScheduled.class));
            } else if (event.data() instanceof DipSampleRequested) {
                scheduling.dipSampleRequested(event.as(DipSampleRequested.class));
            } else if (event.data() instanceof CaseloadAuditRequested) {
                scheduling.caseloadAuditRequested(event.as(CaseloadAuditRequested.class));
            }
        });
    }
}
