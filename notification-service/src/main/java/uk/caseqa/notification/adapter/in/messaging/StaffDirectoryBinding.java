package uk.caseqa.notification.adapter.in.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.messaging.staff.StaffEventsConsumer;
import uk.caseqa.messaging.staff.StaffReadModel;
import uk.caseqa.notification.application.DispatchingNotifications;

/**
 * Binding {@code staffEvents-in-0}: the shared staff directory, and a newcomer's address releases the notifications
 * that waited for it.
 */
@Configuration
class StaffDirectoryBinding {

    @Bean("staffEvents")
    StaffEventsConsumer staffEvents(InboundEvents inbound, StaffReadModel staff, DispatchingNotifications dispatching) {
        return StaffEventsConsumer.telling(inbound, staff, dispatching::registered);
    }
}
