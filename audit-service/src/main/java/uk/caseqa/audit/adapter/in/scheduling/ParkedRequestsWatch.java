package uk.caseqa.audit.adapter.in.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.caseqa.audit.application.ParkingFollowUpRequests;

/** Tries the parked requests that have fallen due (at once after their council's cases or staff changed). */
@Component
class ParkedRequestsWatch {

    private static final Logger log = LoggerFactory.getLogger(ParkedRequestsWatch.class);
    private final ParkingFollowUpRequests parking;

    ParkedRequestsWatch(ParkingFollowUpRequests parking) {
        this.parking = parking;
    }

    @Scheduled(fixedDelayString = "${caseqa.audit.deadline-scan-interval:1s}")
    void retry() {
        try {
            parking.retryDue();
        } catch (RuntimeException e) {
            log.warn("retrying parked requests failed, will try again: {}", e.toString());
        }
    }
}
