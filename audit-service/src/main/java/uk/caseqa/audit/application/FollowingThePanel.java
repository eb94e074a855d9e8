package uk.caseqa.audit.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.caseqa.contracts.AuditClosed;
import uk.caseqa.contracts.AuditReturned;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.ModerationAssigned;

/** Use cases: a moderator was assigned; the QA panel returned an audit to its auditor; the QA manager closed it. */
@Service
public class FollowingThePanel {

    private static final Logger log = LoggerFactory.getLogger(FollowingThePanel.class);
    private final Audits audits;

    public FollowingThePanel(Audits audits) {
        this.audits = audits;
    }

    public boolean auditReturned(EventEnvelope<AuditReturned> event) {
        return audits.find(event.data().auditId()).map(audit -> {
            boolean changed = audit.returned(event.data().reason(), event.data().returnedAt());
            if (changed) {
                audits.save(audit, java.util.List.of());
                log.info("audit {} returned to {}", audit.auditId(), audit.auditorId());
            }
            return changed;
        }).orElse(false);
    }

    public boolean moderatorAssigned(EventEnvelope<ModerationAssigned> event) {
        return audits.find(event.data().auditId()).map(audit -> {
            boolean changed = audit.moderatorAssigned(event.data().moderatorId());
            if (changed) {
                audits.save(audit, java.util.List.of());
            }
            return changed;
        }).orElse(false);
    }

    public boolean auditClosed(EventEnvelope<AuditClosed> event) {
        return audits.find(event.data().auditId()).map(audit -> {
            boolean changed = audit.closed();
            if (changed) {
                audits.save(audit, java.util.List.of());
            }
            return changed;
        }).orElse(false);
    }

}
