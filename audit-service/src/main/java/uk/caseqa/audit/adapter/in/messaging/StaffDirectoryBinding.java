package uk.caseqa.audit.adapter.in.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.caseqa.audit.application.ParkingFollowUpRequests;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.messaging.staff.StaffEventsConsumer;
import uk.caseqa.messaging.staff.StaffReadModel;

/** Binding {@code staffEvents-in-0}: the shared staff directory, and a newcomer wakes the requests parked for them. */
@Configuration
class StaffDirectoryBinding {

    @Bean("staffEvents")
    StaffEventsConsumer staffEvents(InboundEvents inbound, StaffReadModel staff, ParkingFollowUpRequests requests) {
        return new StaffEventsConsumer(inbound, staff, requests::somethingArrived);
    }
}
