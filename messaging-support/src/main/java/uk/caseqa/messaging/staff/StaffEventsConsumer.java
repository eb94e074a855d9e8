package uk.caseqa.messaging.staff;

import java.util.function.Consumer;
import org.springframework.messaging.Message;
import uk.caseqa.contracts.StaffMemberLeft;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.messaging.inbound.InboundEvents;

/**
 * Binding {@code staffEvents-in-0} of every service that keeps the staff directory: records each staff event once.
 * The same in every service, so written once; a service binds it by naming {@code staffEvents} in its functions.
 */
public class StaffEventsConsumer implements Consumer<Message<byte[]>> {

    private final InboundEvents inbound;
    private final StaffReadModel staff;

    public StaffEventsConsumer(InboundEvents inbound, StaffReadModel staff) {
        this.inbound = inbound;
        this.staff = staff;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.handle(message, event -> {
            if (event.data() instanceof StaffMemberRegistered) {
                staff.record(event.as(StaffMemberRegistered.class));
            } else if (event.data() instanceof StaffMemberLeft) {
                staff.recordLeaving(event.as(StaffMemberLeft.class));
            }
        });
    }
}
