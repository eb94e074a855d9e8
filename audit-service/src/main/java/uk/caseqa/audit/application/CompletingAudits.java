package uk.caseqa.audit.application;

import java.time.Clock;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.messaging.outbox.EventFactory;

/** Use case: the auditor submits the completed audit. Publishes {@code AuditCompleted}. */
@Service
public class CompletingAudits {

    private final Audits audits;
    private final EventFactory events;
    private final Clock clock;

    public CompletingAudits(Audits audits, EventFactory events, Clock clock) {
        this.audits = audits;
        this.events = events;
        this.clock = clock;
    }

    public Audit submit(String auditId, String by, Audit.Submission submission) {
        Audit audit = audits.find(auditId).orElseThrow(() -> new NoSuchElementException("no audit " + auditId));
        audit.submit(by, submission, clock.instant());
        audits.save(audit, audit.raised().stream()
                .map(e -> events.outboxEvent(audit.auditId(), audit.localAuthority(), e)).toList());
        return audit;
    }
}
