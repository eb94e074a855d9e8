package uk.caseqa.reporting.application;

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
        String la = event.localAuthority();
        EventPayload data = event.data();
        if (data instanceof AuditAllocated e) {
            records.changeAudit(la, e.auditId(), r -> r.allocated(e.caseId(), e.auditorId(), e.completionDueBy(),
                    event.time()), false);
        } else if (data instanceof AuditCompleted e) {
            records.changeAudit(la, e.auditId(), r -> r.completed(e), false);
        } else if (data instanceof AuditOverdue e) {
            records.changeAudit(la, e.auditId(), r -> r.overdue(e.caseId(), e.dueBy()), true);
        } else if (data instanceof ActionOverdue e) {
            records.changeAudit(la, e.auditId(), r -> r.actionOverdue(e), true);
        } else if (data instanceof ActionClosed e) {
            records.changeAudit(la, e.auditId(), r -> r.actionClosed(e), false);
        } else if (data instanceof ActionVerified e) {
            records.changeAudit(la, e.auditId(), r -> r.actionVerified(e), false);
        } else if (data instanceof ModerationWaived e) {
            records.changeAudit(la, e.auditId(), r -> r.waived(e.caseId(), e.waivedAt()), false);
        } else if (data instanceof ModerationAssigned e) {
            records.changeAudit(la, e.auditId(), r -> r.moderationDue(e.caseId(), e.dueBy(), event.time()), false);
        } else if (data instanceof ModerationOverdue e) {
            records.changeAudit(la, e.auditId(), r -> r.moderationDue(e.caseId(), e.dueBy(), null), true);
        } else if (data instanceof AuditModerated e) {
            records.changeAudit(la, e.auditId(), r -> r.moderated(e), false);
        } else if (data instanceof IroCommentRequested e) {
            records.changeAudit(la, e.auditId(), r -> r.iroComments(e.caseId(), e.dueBy(), null, event.time()),
                    false);
        } else if (data instanceof IroCommentRecorded e) {
            records.changeAudit(la, e.auditId(), r -> r.iroComments(e.caseId(), null, e.recordedAt(), null), false);
        } else if (data instanceof IroCommentOverdue e) {
            records.changeAudit(la, e.auditId(), r -> r.iroComments(e.caseId(), e.dueBy(), null, null), true);
        } else if (data instanceof AuditAcceptedByPanel e) {
            records.changeAudit(la, e.auditId(), r -> r.panel(e.caseId(), e.closeDueBy(), null, event.time()), false);
        } else if (data instanceof AuditClosed e) {
            records.changeAudit(la, e.auditId(), r -> r.panel(e.caseId(), null, e.closedAt(), null), false);
        } else if (data instanceof PanelCloseOverdue e) {
            records.changeAudit(la, e.auditId(), r -> r.panel(e.caseId(), e.dueBy(), null, null), true);
        } else {
            projectFollowUp(event, la, data);
        }
    }

    private void projectFollowUp(EventEnvelope<EventPayload> event, String la, EventPayload data) {
        if (data instanceof CaseOfConcernOpened e) {
            records.changeConcern(la, e.caseOfConcernId(), r -> r.opened(e), false);
        } else if (data instanceof SafetyPlanRecorded e) {
            records.changeConcern(la, e.caseOfConcernId(), r -> r.safetyPlan(e.auditId(), null, e.recordedAt()), false);
        } else if (data instanceof SafetyPlanOverdue e) {
            records.changeConcern(la, e.caseOfConcernId(), r -> r.safetyPlan(e.auditId(), e.dueBy(), null), true);
        } else if (data instanceof ReAuditScheduled e) {
            records.changeConcern(la, e.caseOfConcernId(), r -> r.reAuditDue(e.auditId(), e.dueBy()), false);
        } else if (data instanceof ReAuditOverdue e) {
            records.changeConcern(la, e.followUpId(), r -> r.reAuditDue(e.auditId(), e.dueBy()), true);
        } else if (data instanceof CaseOfConcernClosed e) {
            records.changeConcern(la, e.caseOfConcernId(),
                    r -> r.reAudited(e.auditId(), e.teamId(), e.cycle(), e.closedAt(), e.reAuditGrade(), true), false);
        } else if (data instanceof CaseOfConcernEscalated e) {
            records.changeConcern(la, e.caseOfConcernId(),
                    r -> r.reAudited(e.auditId(), e.teamId(), e.cycle(), e.escalatedAt(), e.reAuditGrade(), false),
                    false);
        } else if (data instanceof ShortAuditScheduled e) {
            records.changeFollowUp(la, e.followUpId(),
                    r -> r.requested(FollowUpRecord.Kind.SHORT_AUDIT, e.auditId(), event.time(), e.dueBy()));
        } else if (data instanceof DipSampleRequested e) {
            records.changeFollowUp(la, e.followUpId(),
                    r -> r.requested(FollowUpRecord.Kind.DIP_SAMPLE, e.auditId(), event.time(), e.dueBy()));
        } else if (data instanceof CaseloadAuditRequested e) {
            records.changeFollowUp(la, e.followUpId(),
                    r -> r.requested(FollowUpRecord.Kind.CASELOAD_AUDIT, e.foundInAuditId(), e.requestedAt(), null));
        } else if (data instanceof FollowUpClosed e) {
            records.changeFollowUp(la, e.followUpId(),
                    r -> r.closed(e.auditId(), e.outcome(), e.shortAuditGrade(), e.closedAt()));
        }
    }
}
