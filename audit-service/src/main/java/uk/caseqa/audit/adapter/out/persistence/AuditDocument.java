package uk.caseqa.audit.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.audit.domain.AuditAction;
import uk.caseqa.audit.domain.AuditStatus;
import uk.caseqa.audit.domain.CaseRecord;
import uk.caseqa.audit.domain.Draft;
import uk.caseqa.messaging.outbox.OutboxEvent;

/** An audit and the events it raised that are not yet published ({@code outbox}). */
record AuditDocument(@Id String auditId, CaseRecord auditedCase, String localAuthority, String auditorId,
        String allocatedBy, Instant allocatedAt, Instant completionDueBy, Instant moderationDueBy, uk.caseqa.contracts.AuditType auditType,
        String cycleId, String followUpId, String templateReference, String moderatorId, AuditStatus status, Audit.Submission submission,
        Instant completedAt, String returnReason, Draft draft, List<AuditAction> actions, boolean overdueFired,
        Instant nextDueAt, Long version, List<OutboxEvent> outbox, Integer completionDays,
        Audit.SupervisionReflection reflection) {

    static AuditDocument of(Audit a) {
        return new AuditDocument(a.auditId(), a.auditedCase(), a.localAuthority(), a.auditorId(), a.allocatedBy(),
                a.allocatedAt(), a.completionDueBy(), a.moderationDueBy(), a.auditType(), a.cycleId(),
                a.followUpId(), a.templateReference(), a.moderatorId(), a.status(), a.submission(), a.completedAt(), a.returnReason(),
                a.draft(), a.actions(), a.overdueFired(), a.nextDueAt(), a.version(), null, a.completionDays(), a.reflection());
    }

    Audit toDomain() {
        return Audit.restore(auditId, auditedCase, auditorId, allocatedBy, allocatedAt, completionDueBy,
                moderationDueBy, auditType, cycleId, followUpId, templateReference, moderatorId, status, submission, completedAt,
                returnReason, draft, actions == null ? List.of() : actions, overdueFired, version, completionDays, reflection);
    }
}
