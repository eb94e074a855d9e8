package uk.caseqa.moderation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import uk.caseqa.contracts.AuditAcceptedByPanel;
import uk.caseqa.contracts.AuditClosed;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.AuditModerated;
import uk.caseqa.contracts.AuditReturned;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.GradeChange;
import uk.caseqa.contracts.GradeInadequate;
import uk.caseqa.contracts.GradeRequiresImprovement;
import uk.caseqa.contracts.GradedBy;
import uk.caseqa.contracts.ModerationAssigned;
import uk.caseqa.contracts.ModerationOverdue;
import uk.caseqa.contracts.ModerationWaived;
import uk.caseqa.contracts.PanelCloseOverdue;

/**
 * One completed audit on its way to closure: moderated where the council's profile says (by someone other than the
 * auditor, by a deadline), then, where the council has a QA panel, reviewed by it: accepted (to be closed within
 * working days) or returned to the auditor; where it has none, the audit closes once moderated (or waived). An Inadequate grade, the auditor's (at once) or the moderator's, raises
 * {@code GradeInadequate} once; otherwise a Requires Improvement grade raises {@code GradeRequiresImprovement} once.
 */
public final class Moderation {

    /**
     * What moderation keeps of the completed audit, to show the moderator beside the decision: its grades, never its
     * text. {@code auditType} FULL and {@code domainGrades} empty for those stored before they were kept.
     */
    public record AuditFacts(String auditId, String localAuthority, String caseId, String serviceId, String teamId,
            String auditorId, String socialWorkerId, String serviceManagerId, Grade auditorGrade,
            List<String> domainsBelowGood, Instant completedAt, AuditType auditType,
            java.util.Map<String, Grade> domainGrades) {
        public AuditFacts {
            domainsBelowGood = domainsBelowGood == null ? List.of() : List.copyOf(domainsBelowGood);
            auditType = AuditType.orFull(auditType);
            domainGrades = domainGrades == null ? java.util.Map.of() : new java.util.TreeMap<>(domainGrades);
        }

        public AuditFacts(String auditId, String localAuthority, String caseId, String serviceId, String teamId,
                String auditorId, String socialWorkerId, String serviceManagerId, Grade auditorGrade,
                List<String> domainsBelowGood, Instant completedAt) {
            this(auditId, localAuthority, caseId, serviceId, teamId, auditorId, socialWorkerId, serviceManagerId,
                    auditorGrade, domainsBelowGood, completedAt, AuditType.FULL, null);
        }

        public static AuditFacts of(String localAuthority, AuditCompleted event) {
            return new AuditFacts(event.auditId(), localAuthority, event.caseId(), event.serviceId(), event.teamId(),
                    event.auditorId(), event.socialWorkerId(), event.serviceManagerId(), event.overallGrade(),
                    event.domainsBelowGood(), event.completedAt(), event.auditType(), event.domainGrades());
        }
    }

    /** What the panel decided about the audit. */
    public record PanelOutcome(String panelId, String decidedBy, String note, Instant decidedAt, boolean accepted) {
    }

    /** How often an audit without a moderator looks for one again. */
    public static final java.time.Duration MODERATOR_SEARCH_INTERVAL = java.time.Duration.ofMinutes(10);

    private AuditFacts audit;
    private final String profileId;
    private final boolean tellAuditorOfChange;
    private final boolean qaPanel;
    private ModerationStatus status;
    private final String selectionReason;
    private String moderatorId;
    private String assignmentReason;
    private Decision decision;
    private Instant moderatedAt;
    private boolean inadequateRaised;
    private boolean requiresImprovementRaised;
    private PanelOutcome panelOutcome;
    private String closedBy;
    private Instant closedAt;
    private final List<Deadline> deadlines;
    private final List<Transition> history;
    private final Long version;
    private final List<EventPayload> raised = new ArrayList<>();

    private Moderation(AuditFacts audit, String profileId, boolean tellAuditorOfChange, boolean qaPanel,
            ModerationStatus status, String selectionReason, String moderatorId, String assignmentReason, Decision decision,
            Instant moderatedAt, boolean inadequateRaised, boolean requiresImprovementRaised, PanelOutcome panelOutcome,
            String closedBy, Instant closedAt, List<Deadline> deadlines, List<Transition> history, Long version) {
        this.audit = audit;
        this.profileId = profileId;
        this.tellAuditorOfChange = tellAuditorOfChange;
        this.qaPanel = qaPanel;
        this.status = status;
        this.selectionReason = selectionReason;
        this.moderatorId = moderatorId;
        this.assignmentReason = assignmentReason;
        this.decision = decision;
        this.moderatedAt = moderatedAt;
        this.inadequateRaised = inadequateRaised;
        this.requiresImprovementRaised = requiresImprovementRaised;
        this.panelOutcome = panelOutcome;
        this.closedBy = closedBy;
        this.closedAt = closedAt;
        this.deadlines = new ArrayList<>(deadlines);
        this.history = new ArrayList<>(history);
        this.version = version;
    }

    /**
     * A completed audit arrives. Its grade triggers are raised at once; the profile decides whether it is moderated
     * (a moderator is assigned when the pool has one other than the auditor) or goes straight to the panel queue.
     */
    public static Moderation start(AuditFacts audit, ModerationProfile profile, List<Candidate> pool, Instant now,
            Instant moderationDueBy) {
        ModerationProfile.Selection selection = profile.selects(audit.auditId(), audit.auditorGrade());
        Moderation moderation = new Moderation(audit, profile.id(), profile.tellAuditorOfChange(), profile.qaPanel(),
                selection.moderate() ? ModerationStatus.AWAITING_MODERATOR : ModerationStatus.AWAITING_PANEL,
                selection.reason(), null, null, null, null, false, false, null, null, null, List.of(), List.of(), null);
        moderation.record(now, "completed audit received; " + selection.reason(), "system");
        moderation.raiseGradeTriggers(audit.auditorGrade(), GradedBy.AUDITOR, now);
        if (selection.moderate()) {
            moderation.deadlines.add(new Deadline(Deadline.Kind.MODERATION, moderationDueBy, null));
            if (!moderation.assignFrom(pool, now, moderationDueBy)) {
                moderation.record(now, "no eligible moderator other than the auditor yet; looking again every "
                        + MODERATOR_SEARCH_INTERVAL.toMinutes() + " minutes until " + moderationDueBy, "system");
                moderation.deadlines.add(new Deadline(Deadline.Kind.MODERATOR_SEARCH,
                        now.plus(MODERATOR_SEARCH_INTERVAL), null));
            }
        } else {
            moderation.raised.add(new ModerationWaived(audit.auditId(), audit.caseId(), selection.reason(), now));
            moderation.closeWithoutPanel("system", now);
        }
        return moderation;
    }

    /**
     * An audit waiting for a moderator looks again (staff may have registered since, or loads changed): assigned if
     * the pool now has someone other than the auditor, within the deadline set when moderation started (or by
     * {@code dueIfLate} when that has passed and was escalated); otherwise the next look is scheduled. The
     * moderation deadline runs all the while, so a wait that lasts is escalated. False when there was nothing to do.
     */
    public boolean lookForModerator(List<Candidate> pool, Instant now, Instant dueIfLate) {
        boolean searching = deadlines.removeIf(d -> d.kind() == Deadline.Kind.MODERATOR_SEARCH && d.pending());
        if (status != ModerationStatus.AWAITING_MODERATOR) {
            return searching;
        }
        if (deadlines.stream().noneMatch(d -> d.kind() == Deadline.Kind.MODERATION)) {
            // stored before waiting moderations had a deadline: they get one now
            deadlines.add(new Deadline(Deadline.Kind.MODERATION, dueIfLate, null));
        }
        Instant dueBy = moderationDueBy(now, dueIfLate);
        if (!assignFrom(pool, now, dueBy)) {
            deadlines.add(new Deadline(Deadline.Kind.MODERATOR_SEARCH, now.plus(MODERATOR_SEARCH_INTERVAL), null));
        }
        return true;
    }

    /** True when a search for a moderator has fallen due (or was never scheduled, for one stored before searches). */
    public boolean moderatorSearchDue(Instant now) {
        boolean scheduled = deadlines.stream().anyMatch(d -> d.kind() == Deadline.Kind.MODERATOR_SEARCH && d.pending());
        return status == ModerationStatus.AWAITING_MODERATOR && !scheduled
                || deadlines.stream().anyMatch(d -> d.kind() == Deadline.Kind.MODERATOR_SEARCH && d.dueBy(now));
    }

    private boolean assignFrom(List<Candidate> pool, Instant now, Instant dueBy) {
        return ModeratorChoice.choose(pool, audit.auditorId()).map(c -> {
            assign(c.staffId(), "least-loaded eligible moderator (" + c.openModerations() + " open), not the auditor",
                    now, dueBy);
            return true;
        }).orElse(false);
    }

    public static Moderation restore(AuditFacts audit, String profileId, boolean tellAuditorOfChange, boolean qaPanel,
            ModerationStatus status, String selectionReason, String moderatorId, String assignmentReason,
            Decision decision, Instant moderatedAt, boolean inadequateRaised, boolean requiresImprovementRaised,
            PanelOutcome panelOutcome, String closedBy, Instant closedAt, List<Deadline> deadlines,
            List<Transition> history, Long version) {
        return new Moderation(audit, profileId, tellAuditorOfChange, qaPanel, status, selectionReason, moderatorId,
                assignmentReason, decision, moderatedAt, inadequateRaised, requiresImprovementRaised, panelOutcome,
                closedBy, closedAt, deadlines, history, version);
    }

    /** Assigns (or reassigns, before the decision) a moderator, who may not be the auditor. */
    public void assign(String staffId, String reason, Instant now, Instant dueBy) {
        if (staffId.equals(audit.auditorId())) {
            throw new IllegalArgumentException("the auditor cannot moderate their own audit");
        }
        if (status != ModerationStatus.AWAITING_MODERATOR && status != ModerationStatus.AWAITING_DECISION) {
            throw new IllegalStateException("audit " + audit.auditId() + " is " + status + ": no moderator to assign");
        }
        this.moderatorId = staffId;
        this.assignmentReason = reason;
        this.status = ModerationStatus.AWAITING_DECISION;
        deadlines.removeIf(d -> d.kind() == Deadline.Kind.MODERATION && d.pending());
        deadlines.add(new Deadline(Deadline.Kind.MODERATION, dueBy, null));
        raised.add(new ModerationAssigned(audit.auditId(), audit.caseId(), staffId, reason, dueBy));
        record(now, "moderator " + staffId + " assigned, due " + dueBy + ": " + reason, "system");
    }

    /** The assigned moderator agrees or changes the grade; the audit then queues for the QA panel. */
    public void decide(String by, Decision decided, Instant now) {
        if (status != ModerationStatus.AWAITING_DECISION) {
            throw new IllegalStateException("audit " + audit.auditId() + " is " + status + ", not awaiting a decision");
        }
        if (!by.equals(moderatorId)) {
            throw new SecurityException("only the assigned moderator (" + moderatorId + ") may decide");
        }
        GradeChange change = GradeChange.between(audit.auditorGrade(), decided.finalGrade());
        if (change != GradeChange.AGREED
                && (decided.learningConversation() == null || decided.learningConversation().isBlank())) {
            throw new IllegalArgumentException("the grade changed: record the learning conversation with the auditor");
        }
        this.decision = decided;
        this.moderatedAt = now;
        this.status = ModerationStatus.AWAITING_PANEL;
        deadlines.removeIf(d -> d.kind() == Deadline.Kind.MODERATION && d.pending());
        raised.add(new AuditModerated(audit.auditId(), audit.caseId(), audit.serviceId(), audit.teamId(), moderatorId,
                audit.auditorGrade(), decided.finalGrade(), change, now, audit.auditorId(),
                tellAuditorOfChange && change != GradeChange.AGREED));
        record(now, "moderated: " + change + " (" + audit.auditorGrade() + " -> " + decided.finalGrade() + ")", by);
        raiseGradeTriggers(decided.finalGrade(), GradedBy.MODERATOR, now);
        closeWithoutPanel(by, now);
    }

    /**
     * The moderation deadline in force: the pending one (the allocation's) while it lies ahead, else {@code fallback}
     * (a deadline that has passed, or was never given, is not handed on to a newly assigned moderator).
     */
    public Instant moderationDueBy(Instant now, Instant fallback) {
        return deadlines.stream().filter(d -> d.kind() == Deadline.Kind.MODERATION && d.pending())
                .map(Deadline::dueAt).filter(now::isBefore).findFirst().orElse(fallback);
    }

    /** Where the council has no QA panel, the audit's cycle ends with its moderation (002 §7.7): it closes now. */
    private void closeWithoutPanel(String by, Instant now) {
        if (qaPanel) {
            return;
        }
        status = ModerationStatus.CLOSED;
        closedBy = by;
        closedAt = now;
        deadlines.removeIf(Deadline::pending);
        raised.add(new AuditClosed(audit.auditId(), audit.caseId(), null, by, now, false));
        record(now, "closed: profile " + profileId + " has no QA panel, so the audit's cycle ends here", by);
    }

    /** The QA panel accepts the audit with its findings; the QA manager is to close it by {@code closeDueBy}. */
    public void acceptedByPanel(String panelId, String by, String findings, Instant now, Instant closeDueBy) {
        requirePanelStage();
        panelOutcome = new PanelOutcome(panelId, by, findings, now, true);
        status = ModerationStatus.ACCEPTED;
        deadlines.add(new Deadline(Deadline.Kind.PANEL_CLOSE, closeDueBy, null));
        raised.add(new AuditAcceptedByPanel(audit.auditId(), audit.caseId(), panelId, closeDueBy));
        record(now, "accepted by panel " + panelId + "; to be closed by " + closeDueBy, by);
    }

    /** The QA panel returns the audit to its auditor, with the reason. */
    public void returnedByPanel(String panelId, String by, String reason, Instant now) {
        requirePanelStage();
        panelOutcome = new PanelOutcome(panelId, by, reason, now, false);
        status = ModerationStatus.RETURNED;
        raised.add(new AuditReturned(audit.auditId(), audit.caseId(), audit.auditorId(), panelId, reason, by, now));
        record(now, "returned to the auditor by panel " + panelId, by);
    }

    /**
     * The auditor resubmitted a returned audit. A moderated audit goes back to its moderator (the grades may have
     * changed); an unmoderated one back to the panel queue. New grade triggers are raised if the grade now calls
     * for them.
     */
    public void resubmitted(AuditFacts resubmission, Instant now, Instant moderationDueBy) {
        if (status != ModerationStatus.RETURNED) {
            throw new IllegalStateException("audit " + audit.auditId() + " is " + status + ", not returned");
        }
        audit = resubmission;
        record(now, "resubmitted by the auditor, graded " + resubmission.auditorGrade(), resubmission.auditorId());
        raiseGradeTriggers(resubmission.auditorGrade(), GradedBy.AUDITOR, now);
        if (moderatorId != null) {
            decision = null;
            status = ModerationStatus.AWAITING_MODERATOR;
            assign(moderatorId, "resubmitted: back to its moderator", now, moderationDueBy);
        } else {
            status = ModerationStatus.AWAITING_PANEL;
            raised.add(new ModerationWaived(audit.auditId(), audit.caseId(), selectionReason, now));
        }
    }

    /** The QA manager closes an accepted audit; it is read-only from now on. */
    public void close(String by, Instant now) {
        if (status != ModerationStatus.ACCEPTED) {
            throw new IllegalStateException("audit " + audit.auditId() + " is " + status + ": only accepted audits close");
        }
        Instant due = deadlines.stream().filter(d -> d.kind() == Deadline.Kind.PANEL_CLOSE).map(Deadline::dueAt)
                .max(Comparator.naturalOrder()).orElse(now);
        status = ModerationStatus.CLOSED;
        closedBy = by;
        closedAt = now;
        deadlines.removeIf(Deadline::pending);
        raised.add(new AuditClosed(audit.auditId(), audit.caseId(), panelOutcome.panelId(), by, now, now.isAfter(due)));
        record(now, "closed", by);
    }

    /** Fires the deadlines due by {@code now}, once each; true when any fired. */
    public boolean fireDueDeadlines(Instant now) {
        List<Deadline> due = deadlines.stream().filter(d -> d.dueBy(now))
                .filter(d -> d.kind() != Deadline.Kind.MODERATOR_SEARCH).toList();
        for (Deadline deadline : due) {
            deadlines.set(deadlines.indexOf(deadline), deadline.fired(now));
            if (deadline.kind() == Deadline.Kind.MODERATION) {
                raised.add(new ModerationOverdue(audit.auditId(), audit.caseId(), moderatorId, deadline.dueAt()));
                record(now, moderatorId == null ? "not moderated in time, no moderator could be assigned: escalated to the QA manager"
                        : "moderation overdue: escalated to the QA manager", "system");
            } else if (deadline.kind() == Deadline.Kind.PANEL_CLOSE) {
                raised.add(new PanelCloseOverdue(audit.auditId(), audit.caseId(), panelOutcome.panelId(),
                        deadline.dueAt()));
                record(now, "not closed within the working days after the panel", "system");
            }
        }
        return !due.isEmpty();
    }

    public Instant nextDueAt() {
        return deadlines.stream().filter(Deadline::pending).map(Deadline::dueAt).min(Comparator.naturalOrder())
                .orElse(null);
    }

    private void requirePanelStage() {
        if (status != ModerationStatus.AWAITING_PANEL) {
            throw new IllegalStateException("audit " + audit.auditId() + " is " + status + ", not awaiting the panel");
        }
    }

    private void raiseGradeTriggers(Grade grade, GradedBy by, Instant now) {
        if (grade == Grade.INADEQUATE && !inadequateRaised) {
            inadequateRaised = true;
            raised.add(new GradeInadequate(audit.auditId(), audit.caseId(), audit.serviceId(), audit.teamId(),
                    audit.serviceManagerId(), by, now, audit.socialWorkerId(), audit.domainsBelowGood(),
                    audit.auditType()));
        } else if (grade == Grade.REQUIRES_IMPROVEMENT && !requiresImprovementRaised && !inadequateRaised) {
            requiresImprovementRaised = true;
            raised.add(new GradeRequiresImprovement(audit.auditId(), audit.caseId(), audit.serviceId(),
                    audit.teamId(), audit.serviceManagerId(), audit.socialWorkerId(), by, now,
                    audit.domainsBelowGood()));
        }
    }

    private void record(Instant at, String what, String by) {
        history.add(new Transition(at, what, by));
    }

    public List<EventPayload> raised() { return List.copyOf(raised); }
    public AuditFacts audit() { return audit; }
    public String auditId() { return audit.auditId(); }
    public String profileId() { return profileId; }
    public boolean tellAuditorOfChange() { return tellAuditorOfChange; }
    public boolean qaPanel() { return qaPanel; }
    public ModerationStatus status() { return status; }
    public String selectionReason() { return selectionReason; }
    public String moderatorId() { return moderatorId; }
    public String assignmentReason() { return assignmentReason; }
    /** The moderator's decision; null until there is one. */
    public Decision decision() { return decision; }
    public Instant moderatedAt() { return moderatedAt; }
    public boolean inadequateRaised() { return inadequateRaised; }
    public boolean requiresImprovementRaised() { return requiresImprovementRaised; }
    public PanelOutcome panelOutcome() { return panelOutcome; }
    public String closedBy() { return closedBy; }
    public Instant closedAt() { return closedAt; }
    public List<Deadline> deadlines() { return List.copyOf(deadlines); }
    public List<Transition> history() { return List.copyOf(history); }
    public Long version() { return version; }
}
