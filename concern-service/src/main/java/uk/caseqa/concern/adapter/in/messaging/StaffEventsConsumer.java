package uk.caseqa.concern.adapter.in.messaging;

import java.util.function.Consumer;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.messaging.staff.StaffReadModel;

/** Binding {@code staffEvents-in-0}: who may record a safety plan besides the case's service manager. */
@Component("staffEvents")
class StaffEventsConsumer implements Consumer<Message<byte[]>> {

    private final InboundEvents inbound;
    private final StaffReadModel staff;

    StaffEventsConsumer(InboundEvents inbound, StaffReadModel staff) {
        this.inbound = inbound;
        this.staff = staff;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.handle(message, event -> {
            if (event.data() instanceof StaffMemberRegistered) {
                staff.record(event.as(StaffMemberRegistered.class));
            }
        });
    }
}
