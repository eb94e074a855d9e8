package uk.caseqa.audit.domain;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import uk.caseqa.contracts.ActionClosed;
import uk.caseqa.contracts.ActionOverdue;
import uk.caseqa.contracts.ActionVerified;
import uk.caseqa.contracts.AuditAllocated;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.AuditOverdue;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.calendar.EnglishCalendar;

/**
 * A case-file audit: allocated to an auditor with a completion deadline, then submitted with domain grades, an
 * overall grade, its rationale and family feedback. Facts it raises wait in {@link #raised()} until saved.
 */
public final class Audit {

    private final String auditId;
    private final CaseRecord auditedCase;
    private String auditorId;
    private final String allocatedBy;
    private final Instant allocatedAt;
    private Instant completionDueBy;
    private Instant moderationDueBy;
    private final AuditType auditType;
    private final String cycleId;
    private final String followUpId;
    private final String templateReference;
    private String moderatorId;
    private AuditStatus status;
    private Submission submission;
    private Instant completedAt;
    private String returnReason;
    private Draft draft;
    private List<AuditAction> actions;
    private boolean overdueFired;
    private SupervisionReflection reflection;
    /** Calendar days the allocation gave to complete it; a returned audit gets them again from its return. */
    private final int completionDays;
    private final Long version;
    private final List<EventPayload> raised = new ArrayList<>();

    private Audit(String auditId, CaseRecord auditedCase, String auditorId, String allocatedBy, Instant allocatedAt,
            Instant completionDueBy, Instant moderationDueBy, AuditType auditType, String cycleId, String followUpId,
            String templateReference, String moderatorId, AuditStatus status, Submission submission,
            Instant completedAt, String returnReason, Draft draft, List<AuditAction> actions, boolean overdueFired,
            Long version, Integer completionDays, SupervisionReflection reflection) {
        this.auditId = auditId;
        this.reflection = reflection;
        this.completionDays = completionDays != null ? completionDays
                : (int) Math.max(1, EnglishCalendar.daysBetween(allocatedAt, completionDueBy));
        this.templateReference = templateReference;
        this.draft = draft;
        this.actions = new ArrayList<>(actions == null ? List.of() : actions);
        this.overdueFired = overdueFired;
        this.moderationDueBy = moderationDueBy;
        this.auditType = AuditType.orFull(auditType);
        this.cycleId = cycleId;
        this.followUpId = followUpId;
        this.moderatorId = moderatorId;
        this.returnReason = returnReason;
        this.auditedCase = auditedCase;
        this.auditorId = auditorId;
        this.allocatedBy = allocatedBy;
        this.allocatedAt = allocatedAt;
        this.completionDueBy = completionDueBy;
        this.status = status;
        this.submission = submission;
        this.completedAt = completedAt;
        this.version = version;
    }

    /** What is allocated: which kind of audit, in which cycle or answering which follow-up, and its deadlines. */
    public record Allocation(AuditType auditType, String cycleId, String followUpId, Instant completionDueBy,
            Instant moderationDueBy, String templateReference) {
        public static Allocation full(String cycleId, Instant now, Period completionTime, Period moderationTime,
                String templateReference) {
            return of(AuditType.FULL, cycleId, now, completionTime, moderationTime, templateReference);
        }

        /** Deadlines in calendar days in England: the same wall-clock time, whatever clock change lies between. */
        public static Allocation of(AuditType auditType, String cycleId, Instant now, Period completionTime,
                Period moderationTime, String templateReference) {
            Instant completion = EnglishCalendar.plus(now, completionTime);
            return new Allocation(auditType, cycleId, null, completion, EnglishCalendar.plus(completion, moderationTime),
                    templateReference);
        }
    }

    /** The QA team allocates an audit of a case to an auditor, with its deadlines. */
    public static Audit allocate(String auditId, CaseRecord auditedCase, String auditorId, String allocatedBy,
            Instant now, Allocation allocation) {
        Objects.requireNonNull(auditedCase, "case");
        if (auditorId.equals(auditedCase.socialWorkerId())) {
            throw new IllegalArgumentException("the case's own social worker cannot audit it");
        }
        Audit audit = new Audit(auditId, auditedCase, auditorId, allocatedBy, now, allocation.completionDueBy(),
                allocation.moderationDueBy(), allocation.auditType(), allocation.cycleId(), allocation.followUpId(),
                allocation.templateReference(), null, AuditStatus.ALLOCATED, null, null, null, null, List.of(), false, null,
                null, null);
        audit.raised.add(new AuditAllocated(auditId, auditedCase.caseId(), auditorId, allocatedBy, audit.completionDueBy,
                auditedCase.iroId()));
        return audit;
    }

    public static Audit restore(String auditId, CaseRecord auditedCase, String auditorId, String allocatedBy,
            Instant allocatedAt, Instant completionDueBy, Instant moderationDueBy, AuditType auditType, String cycleId,
            String followUpId, String templateReference, String moderatorId, AuditStatus status,
            Submission submission, Instant completedAt, String returnReason, Draft draft, List<AuditAction> actions,
            boolean overdueFired, Long version, Integer completionDays, SupervisionReflection reflection) {
        return new Audit(auditId, auditedCase, auditorId, allocatedBy, allocatedAt, completionDueBy, moderationDueBy,
                auditType, cycleId, followUpId, templateReference, moderatorId, status, submission, completedAt,
                returnReason, draft, actions, overdueFired, version, completionDays, reflection);
    }

    /**
     * The auditor submits the completed audit: once, or again after the QA panel returned it. Only the allocated
     * auditor may; a closed audit is read-only.
     */
    public void submit(String by, Submission completed, Instant now) {
        if (!auditorId.equals(by)) {
            throw new SecurityException("only the allocated auditor (" + auditorId + ") may submit this audit");
        }
        if (status != AuditStatus.ALLOCATED && status != AuditStatus.RETURNED) {
            throw new IllegalStateException("audit " + auditId + " is " + status + ": it cannot be submitted now");
        }
        if (status == AuditStatus.RETURNED) {
            for (int i = 0; i < actions.size(); i++) {
                if (actions.get(i).status() == AuditAction.Status.OPEN) {
                    actions.set(i, actions.get(i).withdrawn(now));
                    raiseClosed(actions.get(i), ActionClosed.Outcome.WITHDRAWN);
                }
            }
        }
        this.submission = completed;
        this.completedAt = now;
        this.status = AuditStatus.COMPLETED;
        this.draft = null;
        int n = actions.size();
        List<AuditCompleted.AgreedAction> agreed = new ArrayList<>();
        for (AuditAction.Plan plan : completed.actions()) {
            AuditAction action = AuditAction.open(auditId + "-a" + (++n), plan);
            actions.add(action);
            agreed.add(new AuditCompleted.AgreedAction(action.actionId(), action.ownerId(), action.dueAt(),
                    action.immediate()));
        }
        raised.add(new AuditCompleted(auditId, auditedCase.caseId(), auditedCase.serviceId(), auditedCase.teamId(),
                auditorId, auditedCase.socialWorkerId(), auditedCase.serviceManagerId(), completed.overallGrade(),
                Map.copyOf(completed.domainGrades()), completed.familyFeedback().obtained(), now, auditType,
                followUpId, auditedCase.cohort(), completed.familyFeedback().notObtainedBecause(), agreed,
                moderationDueBy));
    }

    /**
     * The QA panel returned the audit; a return older than the latest submission changes nothing (false). The auditor
     * is given the time the allocation gave (in calendar days, from the return), and the new deadline is watched
     * again even if the first one had passed.
     */
    public boolean returned(String reason, Instant returnedAt) {
        if (status != AuditStatus.COMPLETED || completedAt == null || !returnedAt.isAfter(completedAt)) {
            return false;
        }
        status = AuditStatus.RETURNED;
        returnReason = reason;
        long moderationDays = Math.max(0, EnglishCalendar.daysBetween(completionDueBy, moderationDueBy));
        completionDueBy = EnglishCalendar.plusDays(returnedAt, completionDays);
        moderationDueBy = EnglishCalendar.plusDays(completionDueBy, moderationDays);
        overdueFired = false;
        return true;
    }

    /** The QA team gives the audit to another auditor before it is submitted (never the case's own worker). */
    public void reallocate(String newAuditorId, String by, Instant now) {
        if (status != AuditStatus.ALLOCATED && status != AuditStatus.RETURNED) {
            throw new IllegalStateException("audit " + auditId + " is " + status + ": it can no longer be reallocated");
        }
        if (newAuditorId.equals(auditedCase.socialWorkerId())) {
            throw new IllegalArgumentException("the case's own social worker cannot audit it");
        }
        if (newAuditorId.equals(auditorId)) {
            throw new IllegalArgumentException(newAuditorId + " already holds this audit");
        }
        auditorId = newAuditorId;
        draft = null;
        raised.add(new AuditAllocated(auditId, auditedCase.caseId(), newAuditorId, by, completionDueBy,
                auditedCase.iroId()));
    }

    /** The auditor saves the audit in progress, to resume later. */
    public void saveDraft(String by, Draft inProgress) {
        if (!auditorId.equals(by)) {
            throw new SecurityException("only the allocated auditor (" + auditorId + ") may work on this audit");
        }
        if (status != AuditStatus.ALLOCATED && status != AuditStatus.RETURNED) {
            throw new IllegalStateException("audit " + auditId + " is " + status + ": nothing to draft");
        }
        draft = inProgress;
    }

    public void completeAction(String actionId, String by, String evidence, Instant now) {
        raiseClosed(replaceAction(actionId, action -> action.completed(by, evidence, now)),
                ActionClosed.Outcome.COMPLETED);
    }

    public void actionNotDone(String actionId, String by, String reason, Instant now) {
        raiseClosed(replaceAction(actionId, action -> action.notDone(by, reason, now)), ActionClosed.Outcome.NOT_DONE);
    }

    public void verifyAction(String actionId, AuditAction.Verification result) {
        replaceAction(actionId, action -> action.verified(result));
        raised.add(new ActionVerified(auditId, actionId, auditedCase.caseId(), result.confirmed(), result.at()));
    }

    private void raiseClosed(AuditAction action, ActionClosed.Outcome outcome) {
        raised.add(new ActionClosed(auditId, action.actionId(), auditedCase.caseId(), outcome, action.dueAt(),
                action.closedAt()));
    }

    private AuditAction replaceAction(String actionId, java.util.function.UnaryOperator<AuditAction> change) {
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i).actionId().equals(actionId)) {
                actions.set(i, change.apply(actions.get(i)));
                return actions.get(i);
            }
        }
        throw new java.util.NoSuchElementException("no action " + actionId + " on audit " + auditId);
    }

    /**
     * Raises what has fallen due by {@code now}, once each: the audit not completed by its deadline
     * ({@code AuditOverdue}), actions not closed by their due day ({@code ActionOverdue}). True when any fired.
     */
    public boolean fireDue(Instant now) {
        boolean fired = false;
        if (!overdueFired && (status == AuditStatus.ALLOCATED || status == AuditStatus.RETURNED)
                && !completionDueBy.isAfter(now)) {
            overdueFired = true;
            raised.add(new AuditOverdue(auditId, auditedCase.caseId(), auditorId, completionDueBy));
            fired = true;
        }
        for (int i = 0; i < actions.size(); i++) {
            AuditAction action = actions.get(i);
            if (action.dueBy(now)) {
                actions.set(i, action.overdueRaised());
                raised.add(new ActionOverdue(auditId, action.actionId(), auditedCase.caseId(), action.ownerId(),
                        action.immediate(), action.dueAt()));
                fired = true;
            }
        }
        return fired;
    }

    /** When something next falls due; null when nothing is pending. Stored, so any replica finds due work. */
    public Instant nextDueAt() {
        java.util.stream.Stream<Instant> completion = !overdueFired
                && (status == AuditStatus.ALLOCATED || status == AuditStatus.RETURNED)
                ? java.util.stream.Stream.of(completionDueBy) : java.util.stream.Stream.empty();
        java.util.stream.Stream<Instant> dueActions = actions.stream()
                .filter(a -> a.status() == AuditAction.Status.OPEN && !a.overdueFired()).map(AuditAction::dueAt);
        return java.util.stream.Stream.concat(completion, dueActions).min(java.util.Comparator.naturalOrder())
                .orElse(null);
    }

    /** moderation-service assigned a moderator: shown on the allocation tracker. */
    public boolean moderatorAssigned(String staffId) {
        if (staffId.equals(moderatorId)) {
            return false;
        }
        moderatorId = staffId;
        return true;
    }

    /**
     * The case's team manager records that the audit's outcome was reflected on with the practitioner in supervision
     * (000 §2.4: the first supervision after the panel; 004 ¶34; 002 §7.8), once: after a moderated audit closed, or
     * once an unmoderated one (a practice observation, 001 §6.2; a dip sample) is submitted. For an observation, the
     * observer may record the reflective discussion that followed it.
     */
    public void reflectedInSupervision(String by, java.time.LocalDate on, String note, Instant now) {
        boolean settled = status == AuditStatus.CLOSED || !auditType.moderated() && status == AuditStatus.COMPLETED;
        if (!settled) {
            throw new IllegalStateException("audit " + auditId + " is " + status
                    + ": its outcome is reflected on in supervision once it is closed");
        }
        boolean observer = auditType == AuditType.PRACTICE_OBSERVATION && by.equals(auditorId);
        if (!by.equals(auditedCase.teamManagerId()) && !observer) {
            throw new SecurityException("only the case's team manager (" + auditedCase.teamManagerId()
                    + ") records the reflection in supervision");
        }
        if (reflection != null) {
            throw new IllegalStateException("the reflection in supervision was recorded on " + reflection.reflectedOn());
        }
        if (on == null || on.isAfter(now.atZone(AuditProgramme.ENGLAND).toLocalDate())) {
            throw new IllegalArgumentException("reflectedOn: the day of the supervision, not a day to come");
        }
        reflection = new SupervisionReflection(by, on, note, now);
    }

    /** The QA manager closed the audit after the panel: read-only from now on. */
    /** Work of {@code staffId}: they are to submit it, or own one of its open actions. */
    public boolean isWorkOf(String staffId) {
        return (staffId.equals(auditorId) && (status == AuditStatus.ALLOCATED || status == AuditStatus.RETURNED))
                || actions.stream().anyMatch(a -> staffId.equals(a.ownerId()) && a.status() == AuditAction.Status.OPEN);
    }

    public boolean closed() {
        if (status == AuditStatus.CLOSED) {
            return false;
        }
        status = AuditStatus.CLOSED;
        return true;
    }

    public List<EventPayload> raised() {
        return List.copyOf(raised);
    }

    public String auditId() { return auditId; }
    public CaseRecord auditedCase() { return auditedCase; }
    public String localAuthority() { return auditedCase.localAuthority(); }
    public String auditorId() { return auditorId; }
    public String allocatedBy() { return allocatedBy; }
    public Instant allocatedAt() { return allocatedAt; }
    public Instant completionDueBy() { return completionDueBy; }
    public Instant moderationDueBy() { return moderationDueBy; }
    public AuditType auditType() { return auditType; }
    public String cycleId() { return cycleId; }
    public String followUpId() { return followUpId; }
    public String templateReference() { return templateReference; }
    public String moderatorId() { return moderatorId; }
    public AuditStatus status() { return status; }
    public Submission submission() { return submission; }
    public Instant completedAt() { return completedAt; }
    public String returnReason() { return returnReason; }
    public Draft draft() { return draft; }
    public List<AuditAction> actions() { return List.copyOf(actions); }
    public boolean overdueFired() { return overdueFired; }
    /** The reflection in supervision; null until the team manager records it. */
    public SupervisionReflection reflection() { return reflection; }
    public int completionDays() { return completionDays; }
    public Long version() { return version; }

    /** The team manager and practitioner reflected on the audit in supervision; the note stays in this service. */
    public record SupervisionReflection(String recordedBy, java.time.LocalDate reflectedOn, String note,
            Instant recordedAt) {
    }

    /** What the auditor submits; {@code otherFeedback}: the practitioner's, professionals' or the lead agency's. */
    public record Submission(Map<String, Grade> domainGrades, Grade overallGrade, String rationale,
            FamilyFeedback familyFeedback, List<AuditAction.Plan> actions, List<OtherFeedback> otherFeedback) {

        public Submission(Map<String, Grade> domainGrades, Grade overallGrade, String rationale,
                FamilyFeedback familyFeedback, List<AuditAction.Plan> actions) {
            this(domainGrades, overallGrade, rationale, familyFeedback, actions, List.of());
        }

        public Submission {
            if (domainGrades == null || domainGrades.isEmpty()) {
                throw new IllegalArgumentException("at least one domain must be graded");
            }
            Objects.requireNonNull(overallGrade, "overallGrade");
            if (rationale == null || rationale.isBlank()) {
                throw new IllegalArgumentException("the overall grade needs a rationale");
            }
            Objects.requireNonNull(familyFeedback, "familyFeedback");
            domainGrades = Map.copyOf(domainGrades);
            actions = actions == null ? List.of() : List.copyOf(actions);
            otherFeedback = otherFeedback == null ? List.of() : List.copyOf(otherFeedback);
        }

        /** Whether feedback from this source is recorded (given, or the reason it was not). */
        public boolean hasFeedbackFrom(OtherFeedback.Source source) {
            return otherFeedback.stream().anyMatch(f -> f.from() == source);
        }
    }
}
