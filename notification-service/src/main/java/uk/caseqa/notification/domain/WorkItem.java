package uk.caseqa.notification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.caseqa.contracts.ActionClosed;
import uk.caseqa.contracts.AuditAllocated;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.AuditModerated;
import uk.caseqa.contracts.AuditReturned;
import uk.caseqa.contracts.CaseOfConcernClosed;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.IroCommentRecorded;
import uk.caseqa.contracts.IroCommentRequested;
import uk.caseqa.contracts.ModerationAssigned;
import uk.caseqa.contracts.SafetyPlanRecorded;

/**
 * One thing a person is to do, as the events tell it: an audit to submit, an action they own, a moderation to
 * decide, an audit to comment on, a safety plan to record. Opened by the event that gives it to them, done by the
 * event that records it; a later event wins over an earlier one delivered again ({@code at}), so a redelivery never
 * reopens what is done. Identifiers and due times only: the pages hold the rest.
 */
public record WorkItem(String council, Kind kind, String recordId, String detailId, String staffId, String caseId,
        Instant dueBy, boolean returned) {

    /** What is to be done, and the service whose page it is done on. */
    public enum Kind {
        AUDIT("audit", "Submit the audit"),
        ACTION("audit", "Complete the action"),
        MODERATION("moderation", "Moderate the audit"),
        IRO_COMMENT("moderation", "Comment on the audit"),
        SAFETY_PLAN("concern", "Record the safety plan");

        private final String service;
        private final String what;

        Kind(String service, String what) {
            this.service = service;
            this.what = what;
        }

        public String service() {
            return service;
        }

        public String what() {
            return what;
        }
    }

    /** The item's own id: one per council, kind, record, detail (an action) and person. */
    public String id() {
        return String.join("|", council, kind.name(), recordId, detailId == null ? "" : detailId, staffId);
    }

    /** What an event does to the work lists: items given to someone, and items done (for one person or anyone). */
    public sealed interface Change permits Opened, Done {
    }

    public record Opened(WorkItem item) implements Change {
    }

    /** {@code staffId} null: done whoever held it (a moderation reassigned is done for the one it left). */
    public record Done(String council, Kind kind, String recordId, String detailId, String staffId, String except)
            implements Change {
    }

    /** The changes an event makes; none for an event that gives or records no one's work. */
    public static List<Change> changesOf(String council, EventPayload event) {
        List<Change> changes = new ArrayList<>();
        if (event instanceof AuditAllocated a) {
            changes.add(new Opened(new WorkItem(council, Kind.AUDIT, a.auditId(), null, a.auditorId(), a.caseId(),
                    a.completionDueBy(), false)));
        } else if (event instanceof AuditReturned r) {
            changes.add(new Opened(new WorkItem(council, Kind.AUDIT, r.auditId(), null, r.auditorId(), r.caseId(),
                    null, true)));
        } else if (event instanceof AuditCompleted c) {
            changes.add(new Done(council, Kind.AUDIT, c.auditId(), null, null, null));
            if (c.actions() != null) {
                c.actions().forEach(action -> changes.add(new Opened(new WorkItem(council, Kind.ACTION, c.auditId(),
                        action.actionId(), action.ownerId(), c.caseId(), action.dueBy(), false))));
            }
        } else if (event instanceof ActionClosed a) {
            changes.add(new Done(council, Kind.ACTION, a.auditId(), a.actionId(), null, null));
        } else if (event instanceof ModerationAssigned m) {
            changes.add(new Done(council, Kind.MODERATION, m.auditId(), null, null, m.moderatorId()));
            changes.add(new Opened(new WorkItem(council, Kind.MODERATION, m.auditId(), null, m.moderatorId(),
                    m.caseId(), m.dueBy(), false)));
        } else if (event instanceof AuditModerated m) {
            changes.add(new Done(council, Kind.MODERATION, m.auditId(), null, null, null));
        } else if (event instanceof IroCommentRequested r) {
            changes.add(new Opened(new WorkItem(council, Kind.IRO_COMMENT, r.auditId(), null, r.iroId(), r.caseId(),
                    r.dueBy(), false)));
        } else if (event instanceof IroCommentRecorded r) {
            changes.add(new Done(council, Kind.IRO_COMMENT, r.auditId(), null, null, null));
        } else if (event instanceof CaseOfConcernOpened o && o.serviceManagerId() != null) {
            changes.add(new Opened(new WorkItem(council, Kind.SAFETY_PLAN, o.caseOfConcernId(), null,
                    o.serviceManagerId(), o.caseId(), o.safetyPlanDueBy(), false)));
        } else if (event instanceof SafetyPlanRecorded p) {
            changes.add(new Done(council, Kind.SAFETY_PLAN, p.caseOfConcernId(), null, null, null));
        } else if (event instanceof CaseOfConcernClosed c) {
            changes.add(new Done(council, Kind.SAFETY_PLAN, c.caseOfConcernId(), null, null, null));
        }
        return changes;
    }
}
