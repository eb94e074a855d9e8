package uk.caseqa.audit.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.caseqa.contracts.CaseloadAuditRequested;
import uk.caseqa.contracts.DipSampleRequested;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventJson;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.ReAuditScheduled;
import uk.caseqa.contracts.ShortAuditScheduled;

/**
 * Use case: the audits concern-service asks for. One whose case or auditor is not known yet is parked, whole, not
 * dead-lettered after a few retries: it is tried again as soon as a case or member of staff of its council arrives,
 * and otherwise with a growing interval (up to an hour), until it can be met. The audits it makes have ids derived
 * from the request, so a try repeated by two replicas, or after a crash, allocates nothing twice.
 */
@Service
public class ParkingFollowUpRequests {

    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(ParkingFollowUpRequests.class);
    private final SchedulingFollowUpAudits scheduling;
    private final ParkedRequests parked;
    private final Clock clock;

    ParkingFollowUpRequests(SchedulingFollowUpAudits scheduling, ParkedRequests parked, Clock clock) {
        this.scheduling = scheduling;
        this.parked = parked;
        this.clock = clock;
    }

    /** On a request from concern-service: met now, or parked with the reason. */
    public void requested(EventEnvelope<EventPayload> event) {
        try {
            schedule(event);
        } catch (NotKnownYet waiting) {
            Instant now = clock.instant();
            parked.park(new ParkedRequests.Parked(event.id(), event.localAuthority(), event.type(),
                    EventJson.writeString(event), waiting.getMessage(), now, 0, now.plus(FIRST_RETRY)));
            log.warn("{} {} of {} parked: {}; tried again when the council's cases or staff change", event.type(),
                    event.id(), event.localAuthority(), waiting.getMessage());
        }
    }

    /** A case or member of staff of the council arrived: what waits there is tried at once. */
    public void somethingArrived(String localAuthority) {
        parked.dueNow(localAuthority, clock.instant());
    }

    /** Tries the parked requests now due, one claim at a time; the number met. */
    public int retryDue() {
        int met = 0;
        Instant now = clock.instant();
        for (Optional<ParkedRequests.Parked> next = parked.claimDue(now, CLAIM); next.isPresent();
                next = parked.claimDue(now, CLAIM)) {
            ParkedRequests.Parked request = next.get();
            try {
                schedule(EventJson.read(request.json()));
                parked.remove(request.eventId());
                met++;
                log.info("{} {} of {} met after {} tries", request.type(), request.eventId(), request.localAuthority(),
                        request.attempts() + 1);
            } catch (NotKnownYet stillWaiting) {
                int attempts = request.attempts() + 1;
                Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts, 6));
                parked.later(request.eventId(), attempts,
                        now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait), stillWaiting.getMessage());
            }
        }
        return met;
    }

    private void schedule(EventEnvelope<EventPayload> event) {
        EventPayload data = event.data();
        if (data instanceof ReAuditScheduled) {
            scheduling.reAuditScheduled(event.as(ReAuditScheduled.class));
        } else if (data instanceof ShortAuditScheduled) {
            scheduling.shortAuditScheduled(event.as(ShortAuditScheduled.class));
        } else if (data instanceof DipSampleRequested) {
            scheduling.dipSampleRequested(event.as(DipSampleRequested.class));
        } else if (data instanceof CaseloadAuditRequested) {
            scheduling.caseloadAuditRequested(event.as(CaseloadAuditRequested.class));
        } else {
            log.debug("{} {} asks audit-service for nothing", event.type(), event.id());
        }
    }
}
