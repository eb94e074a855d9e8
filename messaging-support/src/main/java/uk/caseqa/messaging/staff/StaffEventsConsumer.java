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
    private final java.util.function.BiConsumer<String, String> registered;

    public StaffEventsConsumer(InboundEvents inbound, StaffReadModel staff) {
        this(inbound, staff, council -> { });
    }

    /** {@code registeredIn}: told the council of each member of staff newly recorded (work waiting on them may go on). */
    public StaffEventsConsumer(InboundEvents inbound, StaffReadModel staff,
            java.util.function.Consumer<String> registeredIn) {
        this((council, staffId) -> registeredIn.accept(council), inbound, staff);
    }

    private StaffEventsConsumer(java.util.function.BiConsumer<String, String> registered, InboundEvents inbound,
            StaffReadModel staff) {
        this.inbound = inbound;
        this.staff = staff;
        this.registered = registered;
    }

    /** {@code registered}: told the council and staff id of each member of staff newly recorded. */
    public static StaffEventsConsumer telling(InboundEvents inbound, StaffReadModel staff,
            java.util.function.BiConsumer<String, String> registered) {
        return new StaffEventsConsumer(registered, inbound, staff);
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.handle(message, event -> {
            if (event.data() instanceof StaffMemberRegistered && staff.record(event.as(StaffMemberRegistered.class))) {
                registered.accept(event.localAuthority(), event.as(StaffMemberRegistered.class).data().staffId());
            } else if (event.data() instanceof StaffMemberLeft) {
                staff.recordLeaving(event.as(StaffMemberLeft.class));
            }
        });
    }
}
