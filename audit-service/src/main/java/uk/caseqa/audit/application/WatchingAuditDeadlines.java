package uk.caseqa.audit.application;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.messaging.outbox.EventFactory;

/** Use case: raise overdue audits and actions once each; any replica looks, one version-checked write wins. */
@Service
public class WatchingAuditDeadlines {

    private static final Logger log = LoggerFactory.getLogger(WatchingAuditDeadlines.class);
    private final Audits audits;
    private final EventFactory events;
    private final Clock clock;

    WatchingAuditDeadlines(Audits audits, EventFactory events, Clock clock) {
        this.audits = audits;
        this.events = events;
        this.clock = clock;
    }

    public int fireDue() {
        Instant now = clock.instant();
        int fired = 0;
        for (String auditId : audits.withDeadlinesDueBy(now)) {
            Audit audit = audits.find(auditId).orElse(null);
            if (audit == null || !audit.fireDue(now)) {
                continue;
            }
            try {
                audits.save(audit, audit.raised().stream()
                        .map(e -> events.outboxEvent(auditId, audit.localAuthority(), e)).toList());
                fired++;
            } catch (OptimisticLockingFailureException anotherReplicaWasFaster) {
                log.debug("deadline of {} handled by another replica", auditId);
            }
        }
        return fired;
    }
}
