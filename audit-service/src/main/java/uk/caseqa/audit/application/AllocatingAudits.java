package uk.caseqa.audit.application;

import java.time.Clock;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.audit.domain.AuditProgramme;
import uk.caseqa.audit.domain.AuditTemplates;
import uk.caseqa.audit.domain.CaseRecord;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.messaging.outbox.EventFactory;
import uk.caseqa.messaging.staff.StaffReadModel;

/** Use case: the QA team allocates an audit of a case to an auditor. Publishes {@code AuditAllocated}. */
@Service
public class AllocatingAudits {

    private final CaseRegistry cases;
    private final StaffReadModel staff;
    private final Audits audits;
    private final EventFactory events;
    private final Clock clock;
    private final Duration completionTime;
    private final Duration moderationTime;
    private final AuditTemplates templates;

    public AllocatingAudits(CaseRegistry cases, StaffReadModel staff, Audits audits, AuditTemplates templates,
            EventFactory events, Clock clock,
            @Value("${caseqa.audit.completion-time:P14D}") Duration completionTime,
            @Value("${caseqa.audit.moderation-time:P7D}") Duration moderationTime) {
        this.moderationTime = moderationTime;
        this.templates = templates;
        this.cases = cases;
        this.staff = staff;
        this.audits = audits;
        this.events = events;
        this.clock = clock;
        this.completionTime = completionTime;
    }

    private java.time.LocalDate today() {
        return clock.instant().atZone(AuditProgramme.ENGLAND).toLocalDate();
    }

    public Audit allocate(String caseId, String auditorId, String allocatedBy) {
        CaseRecord auditedCase = cases.find(caseId)
                .orElseThrow(() -> new NoSuchElementException("no open case " + caseId));
        staff.find(auditorId).orElseThrow(() -> new IllegalArgumentException("unknown auditor " + auditorId));
        Audit audit = Audit.allocate("audit-" + UUID.randomUUID(), auditedCase, auditorId, allocatedBy,
                clock.instant(), Audit.Allocation.full(null, clock.instant(), completionTime, moderationTime,
                        templates.inForce(auditedCase.localAuthority(), AuditCompleted.FULL, today()).reference()));
        audits.save(audit, audit.raised().stream()
                .map(e -> events.outboxEvent(audit.auditId(), audit.localAuthority(), e)).toList());
        return audit;
    }
}
