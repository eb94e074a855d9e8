package uk.caseqa.reporting.application;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import uk.caseqa.contracts.ActionClosed;
import uk.caseqa.contracts.ActionOverdue;
import uk.caseqa.contracts.ActionVerified;
import uk.caseqa.contracts.AuditAcceptedByPanel;
import uk.caseqa.contracts.AuditAllocated;
import uk.caseqa.contracts.AuditClosed;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.AuditModerated;
import uk.caseqa.contracts.AuditOverdue;
import uk.caseqa.contracts.CaseOfConcernClosed;
import uk.caseqa.contracts.CaseOfConcernEscalated;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.CaseloadAuditRequested;
import uk.caseqa.contracts.DipSampleRequested;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.FollowUpClosed;
import uk.caseqa.contracts.IroCommentOverdue;
import uk.caseqa.contracts.IroCommentRecorded;
import uk.caseqa.contracts.IroCommentRequested;
import uk.caseqa.contracts.ModerationAssigned;
import uk.caseqa.contracts.ModerationOverdue;
import uk.caseqa.contracts.ModerationWaived;
import uk.caseqa.contracts.PanelCloseOverdue;
import uk.caseqa.contracts.ReAuditOverdue;
import uk.caseqa.contracts.ReAuditScheduled;
import uk.caseqa.contracts.SafetyPlanOverdue;
import uk.caseqa.contracts.SafetyPlanRecorded;
import uk.caseqa.contracts.ShortAuditScheduled;
import uk.caseqa.reporting.domain.FollowUpRecord;

/**
 * Use case: project the events of audit-, moderation- and concern-service onto the records boards are counted from,
 * each in its own council. Every change is idempotent and order-independent, so the records are the same after a
 * redelivery or a replay from offset zero. An overdue event changes nothing a record knows, but the clock it tells
 * of has moved from open to overdue, so the record is counted again.
 */
@Service
public class ProjectingEvents {

    private final BoardRecords records;

    public ProjectingEvents(BoardRecords records) {
        this.records = records;
    }

    /** Projects one event; events boards do not count are ignored. */
    public void project(EventEnvelope<EventPayload> event) {
        projectAll(List.of(event));
    }

    /** Projects a batch of events (a poll from the broker) in one go: each record changed once, in as few writes. */
    public void projectAll(List<EventEnvelope<EventPayload>> events) {
        List<BoardRecords.Change> changes = new ArrayList<>(events.size());
        for (EventEnvelope<EventPayload> event : events) {
            BoardRecords.Change change = changeOf(event);
            if (change != null) {
                changes.add(change);
            }
        }
        if (!changes.isEmpty()) {
            records.changeAll(changes);
        }
    }

    /** The change one event makes to one record, or null for an event boards do not count. */
    private BoardRecords.Change changeOf(EventEnvelope<EventPayload> event) {
        String la = event.localAuthority();
        EventPayload data = event.data();
        if (data instanceof AuditAllocated e) {
            return new BoardRecords.AuditChange(la, e.auditId(), r -> r.allocated(e.caseId(), e.auditorId(), e.completionDueBy(),
                    event.time()), false);
        } else if (data instanceof AuditCompleted e) {
            return new BoardRecords.AuditChange(la, e.auditId(), r -> r.completed(e), false);
        } else if (data instanceof AuditOverdue e) {
            return new BoardRecords.AuditChange(la, e.auditId(), r -> r.overdue(e.caseId(), e.dueBy()), true);
        } else if (data instanceof ActionOverdue e) {
            return new BoardRecords.AuditChange(la, e.auditId(), r -> r.actionOverdue(e), true);
        } else if (data instanceof ActionClosed e) {
            return new BoardRecords.AuditChange(la, e.auditId(), r -> r.actionClosed(e), false);
        } else if (data instanceof ActionVerified e) {
            return new BoardRecords.AuditChange(la, e.auditId(), r -> r.actionVerified(e), false);
        } else if (data instanceof ModerationWaived e) {
            return new BoardRecords.AuditChange(la, e.auditId(), r -> r.waived(e.caseId(), e.waivedAt()), false);
        } else if (data instanceof ModerationAssigned e) {
            return new BoardRecords.AuditChange(la, e.auditId(), r -> r.moderationDue(e.caseId(), e.dueBy(), event.time()), false);
        } else if (data instanceof ModerationOverdue e) {
            return new BoardRecords.AuditChange(la, e.auditId(), r -> r.moderationDue(e.caseId(), e.dueBy(), null), true);
        } else if (data instanceof AuditModerated e) {
            return new BoardRecords.AuditChange(la, e.auditId(), r -> r.moderated(e), false);
        } else if (data instanceof IroCommentRequested e) {
            return new BoardRecords.AuditChange(la, e.auditId(), r -> r.iroComments(e.caseId(), e.dueBy(), null, event.time()),
                    false);
        } else if (data instanceof IroCommentRecorded e) {
            return new BoardRecords.AuditChange(la, e.auditId(), r -> r.iroComments(e.caseId(), null, e.recordedAt(), null), false);
        } else if (data instanceof IroCommentOverdue e) {
            return new BoardRecords.AuditChange(la, e.auditId(), r -> r.iroComments(e.caseId(), e.dueBy(), null, null), true);
        } else if (data instanceof AuditAcceptedByPanel e) {
            return new BoardRecords.AuditChange(la, e.auditId(), r -> r.panel(e.caseId(), e.closeDueBy(), null, event.time()), false);
        } else if (data instanceof AuditClosed e) {
            return new BoardRecords.AuditChange(la, e.auditId(), r -> r.panel(e.caseId(), null, e.closedAt(), null), false);
        } else if (data instanceof PanelCloseOverdue e) {
            return new BoardRecords.AuditChange(la, e.auditId(), r -> r.panel(e.caseId(), e.dueBy(), null, null), true);
        }
        return followUpChangeOf(event, la, data);
    }

    private BoardRecords.Change followUpChangeOf(EventEnvelope<EventPayload> event, String la, EventPayload data) {
        if (data instanceof CaseOfConcernOpened e) {
            return new BoardRecords.ConcernChange(la, e.caseOfConcernId(), r -> r.opened(e), false);
        } else if (data instanceof SafetyPlanRecorded e) {
            return new BoardRecords.ConcernChange(la, e.caseOfConcernId(), r -> r.safetyPlan(e.auditId(), null, e.recordedAt()), false);
        } else if (data instanceof SafetyPlanOverdue e) {
            return new BoardRecords.ConcernChange(la, e.caseOfConcernId(), r -> r.safetyPlan(e.auditId(), e.dueBy(), null), true);
        } else if (data instanceof ReAuditScheduled e) {
            return new BoardRecords.ConcernChange(la, e.caseOfConcernId(), r -> r.reAuditDue(e.auditId(), e.dueBy()), false);
        } else if (data instanceof ReAuditOverdue e) {
            return new BoardRecords.ConcernChange(la, e.followUpId(), r -> r.reAuditDue(e.auditId(), e.dueBy()), true);
        } else if (data instanceof CaseOfConcernClosed e) {
            return new BoardRecords.ConcernChange(la, e.caseOfConcernId(),
                    r -> r.reAudited(e.auditId(), e.teamId(), e.cycle(), e.closedAt(), e.reAuditGrade(), true), false);
        } else if (data instanceof CaseOfConcernEscalated e) {
            return new BoardRecords.ConcernChange(la, e.caseOfConcernId(),
                    r -> r.reAudited(e.auditId(), e.teamId(), e.cycle(), e.escalatedAt(), e.reAuditGrade(), false),
                    false);
        } else if (data instanceof ShortAuditScheduled e) {
            return new BoardRecords.FollowUpChange(la, e.followUpId(),
                    r -> r.requested(FollowUpRecord.Kind.SHORT_AUDIT, e.auditId(), event.time(), e.dueBy()));
        } else if (data instanceof DipSampleRequested e) {
            return new BoardRecords.FollowUpChange(la, e.followUpId(),
                    r -> r.requested(FollowUpRecord.Kind.DIP_SAMPLE, e.auditId(), event.time(), e.dueBy()));
        } else if (data instanceof CaseloadAuditRequested e) {
            return new BoardRecords.FollowUpChange(la, e.followUpId(),
                    r -> r.requested(FollowUpRecord.Kind.CASELOAD_AUDIT, e.foundInAuditId(), e.requestedAt(), null));
        } else if (data instanceof FollowUpClosed e) {
            return new BoardRecords.FollowUpChange(la, e.followUpId(),
                    r -> r.closed(e.auditId(), e.outcome(), e.shortAuditGrade(), e.closedAt()));
        }
        return null;
    }
}
