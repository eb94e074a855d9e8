package uk.caseqa.audit.application;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.messaging.outbox.DueDeadlines;
import uk.caseqa.messaging.outbox.EventFactory;

/** Use case: raise overdue audits and actions once each; any replica looks, one version-checked write wins. */
@Service
public class WatchingAuditDeadlines {

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
        return DueDeadlines.fireEach("audit", audits.withDeadlinesDueBy(now), now, auditId -> {
            Audit audit = audits.find(auditId).orElse(null);
            if (audit == null || !audit.fireDue(now)) {
                return false;
            }
            audits.save(audit, AuditEvents.of(events, audit));
            return true;
        }, audits::setAsideDeadlines);
    }
}
