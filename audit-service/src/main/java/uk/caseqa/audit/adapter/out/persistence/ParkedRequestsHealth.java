package uk.caseqa.audit.adapter.out.persistence;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import uk.caseqa.audit.application.ParkedRequests;
import uk.caseqa.messaging.inbound.DeadLetterCount;

/**
 * The {@code parkedRequests} health component, part of readiness: {@code WARNING} (still served) while requests wait
 * for a case or a member of staff not known yet, with where to see them.
 */
@Component("parkedRequests")
class ParkedRequestsHealth implements HealthIndicator {

    private final ParkedRequests parked;

    ParkedRequestsHealth(ParkedRequests parked) {
        this.parked = parked;
    }

    @Override
    public Health health() {
        long waiting = parked.count();
        Health.Builder health = waiting > 0 ? Health.status(new Status(DeadLetterCount.WARNING, waiting
                + " request(s) wait for a case or a member of staff not known yet: GET /parked-requests"))
                : Health.up();
        return health.withDetail("parkedRequests", waiting).build();
    }
}
