package uk.caseqa.moderation.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import uk.caseqa.messaging.outbox.OutboxEvent;
import uk.caseqa.moderation.domain.Decision;
import uk.caseqa.moderation.domain.Moderation;
import uk.caseqa.moderation.domain.ModerationStatus;

/** A moderation, keyed by audit id (one per audit), with its unpublished events. */
record ModerationDocument(@Id String auditId, Moderation.AuditFacts audit, ModerationStatus status,
        String moderatorId, String assignmentReason, Instant dueBy, Decision decision, Instant moderatedAt,
        boolean inadequateRaised, boolean requiresImprovementRaised, Long version, List<OutboxEvent> outbox) {

    static ModerationDocument of(Moderation m) {
        return new ModerationDocument(m.auditId(), m.audit(), m.status(), m.moderatorId(), m.assignmentReason(),
                m.dueBy(), m.decision(), m.moderatedAt(), m.inadequateRaised(), m.requiresImprovementRaised(), m.version(),
                null);
    }

    Moderation toDomain() {
        return Moderation.restore(audit, status, moderatorId, assignmentReason, dueBy, decision, moderatedAt,
                inadequateRaised, requiresImprovementRaised, version);
    }
}
