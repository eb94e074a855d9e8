package uk.caseqa.moderation.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import uk.caseqa.messaging.outbox.OutboxEvent;
import uk.caseqa.moderation.domain.Deadline;
import uk.caseqa.moderation.domain.Decision;
import uk.caseqa.moderation.domain.Moderation;
import uk.caseqa.moderation.domain.ModerationStatus;
import uk.caseqa.moderation.domain.Transition;

/**
 * A moderation, keyed by audit id (one per audit), with its deadlines, history and unpublished events.
 * {@code qaPanel} is absent from documents written before councils without a panel: those all had one.
 */
record ModerationDocument(@Id String auditId, Moderation.AuditFacts audit, String localAuthority, String profileId,
        boolean tellAuditorOfChange, Boolean qaPanel, ModerationStatus status, String selectionReason, String moderatorId,
        String assignmentReason, Decision decision, Instant moderatedAt, boolean inadequateRaised,
        boolean requiresImprovementRaised, Moderation.PanelOutcome panelOutcome, String closedBy, Instant closedAt,
        List<Deadline> deadlines, Instant nextDueAt, List<Transition> history, Long version, List<OutboxEvent> outbox) {

    static ModerationDocument of(Moderation m) {
        return new ModerationDocument(m.auditId(), m.audit(), m.audit().localAuthority(), m.profileId(),
                m.tellAuditorOfChange(), m.qaPanel(), m.status(), m.selectionReason(), m.moderatorId(), m.assignmentReason(),
                m.decision(), m.moderatedAt(), m.inadequateRaised(), m.requiresImprovementRaised(),
                m.panelOutcome(), m.closedBy(), m.closedAt(), m.deadlines(), m.nextDueAt(), m.history(), m.version(),
                null);
    }

    Moderation toDomain() {
        return Moderation.restore(audit, profileId, tellAuditorOfChange, qaPanel == null || qaPanel, status, selectionReason, moderatorId,
                assignmentReason, decision, moderatedAt, inadequateRaised, requiresImprovementRaised, panelOutcome,
                closedBy, closedAt, deadlines == null ? List.of() : deadlines, history == null ? List.of() : history,
                version);
    }
}
