package uk.caseqa.audit.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.springframework.stereotype.Service;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.audit.domain.AuditAction;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.messaging.outbox.EventFactory;
import uk.caseqa.messaging.staff.StaffReadModel;

/**
 * Use cases of the action tracker: an action is completed with evidence or recorded as not done with the reason;
 * the QA manager draws a reproducible sample of completed actions and records whether each was confirmed.
 */
@Service
public class TrackingActions {

    /** An action with the audit it came from. */
    public record TrackedAction(Audit audit, AuditAction action) {
    }

    private final Audits audits;
    private final StaffReadModel staff;
    private final Clock clock;
    private final EventFactory events;

    TrackingActions(Audits audits, StaffReadModel staff, Clock clock, EventFactory events) {
        this.events = events;
        this.audits = audits;
        this.staff = staff;
        this.clock = clock;
    }

    public List<TrackedAction> tracker(String localAuthority) {
        List<TrackedAction> tracked = new ArrayList<>();
        for (Audit audit : audits.ofCouncil(localAuthority, null)) {
            audit.actions().forEach(action -> tracked.add(new TrackedAction(audit, action)));
        }
        tracked.sort(Comparator.comparing((TrackedAction t) -> t.action().dueOn())
                .thenComparing(t -> t.action().actionId()));
        return tracked;
    }

    public AuditAction complete(String auditId, String actionId, String by, String evidence) {
        Audit audit = find(auditId);
        requireMayClose(audit, actionId, by);
        audit.completeAction(actionId, by, evidence, clock.instant());
        audits.save(audit, AuditEvents.of(events, audit));
        return action(audit, actionId);
    }

    public AuditAction notDone(String auditId, String actionId, String by, String reason) {
        Audit audit = find(auditId);
        requireMayClose(audit, actionId, by);
        audit.actionNotDone(actionId, by, reason, clock.instant());
        audits.save(audit, AuditEvents.of(events, audit));
        return action(audit, actionId);
    }

    /** A random sample (seed recorded by the caller) of completed actions not yet verified. */
    public List<TrackedAction> verificationSample(String localAuthority, int size, long seed) {
        List<TrackedAction> completed = new ArrayList<>(tracker(localAuthority).stream()
                .filter(t -> t.action().status() == AuditAction.Status.COMPLETED && t.action().verification() == null)
                .toList());
        java.util.Collections.shuffle(completed, new Random(seed));
        return completed.subList(0, Math.min(size, completed.size()));
    }

    public AuditAction verify(String auditId, String actionId, String by, boolean confirmed, String note) {
        Audit audit = find(auditId);
        if (!staff.hasRole(audit.localAuthority(), by, StaffRole.QA_TEAM)) {
            throw new SecurityException(by + " is not in the QA team of " + audit.localAuthority()
                    + ": only the QA team verifies actions");
        }
        if (by.equals(action(audit, actionId).closedBy())) {
            throw new SecurityException(by + " completed action " + actionId + ": someone else verifies it");
        }
        audit.verifyAction(actionId, new AuditAction.Verification(confirmed, note, by, clock.instant()));
        audits.save(audit, AuditEvents.of(events, audit));
        return action(audit, actionId);
    }

    /** Its owner, the audit's auditor, or the council's QA team closes an action; nobody else. */
    private void requireMayClose(Audit audit, String actionId, String by) {
        AuditAction action = action(audit, actionId);
        if (!by.equals(action.ownerId()) && !by.equals(audit.auditorId())
                && !staff.hasRole(audit.localAuthority(), by, StaffRole.QA_TEAM)) {
            throw new SecurityException(by + " may not close action " + actionId + ": only its owner ("
                    + action.ownerId() + "), the auditor (" + audit.auditorId() + ") or the QA team of "
                    + audit.localAuthority());
        }
    }

    private Audit find(String auditId) {
        return audits.find(auditId).orElseThrow(() -> new NoSuchElementException("no audit " + auditId));
    }

    private static AuditAction action(Audit audit, String actionId) {
        return audit.actions().stream().filter(a -> a.actionId().equals(actionId)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no action " + actionId + " on audit " + audit.auditId()));
    }
}
