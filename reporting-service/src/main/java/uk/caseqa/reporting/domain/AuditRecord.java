package uk.caseqa.reporting.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import uk.caseqa.contracts.ActionClosed;
import uk.caseqa.contracts.ActionOverdue;
import uk.caseqa.contracts.ActionVerified;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.AuditModerated;
import uk.caseqa.contracts.FeedbackNotObtained;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.GradeChange;

/**
 * What boards need to know of one audit, projected from the events of audit- and moderation-service in whatever
 * order they arrive: who and what it is about (identifiers only), each submission, each moderation decision, whether
 * moderation was waived, and the clocks of completion, moderation, IRO comments and panel close, and its actions.
 * Every change is a pure function of the record and one event, and applying an event twice changes nothing, so
 * redeliveries and replays from offset zero give the same record.
 *
 * <p>It keeps the history it needs to answer "as it stood at" any moment, so a past period's figures are the same
 * whenever they are counted again.
 */
public record AuditRecord(String localAuthority, String auditId, About about, Clocked completion,
        List<Submission> submissions, Clocked moderation, Instant waivedAt, List<Decision> decisions,
        Clocked iroComments, Clocked panelClose, List<ActionRecord> actions) {

    /** Who and what the audit is about; later submissions update it, gaps are filled from any event. */
    public record About(String caseId, String auditType, String serviceId, String teamId, String cohort,
            String auditorId) {
        static final About UNKNOWN = new About(null, null, null, null, null, null);

        About filledFrom(About other) {
            return new About(or(caseId, other.caseId), or(auditType, other.auditType), or(serviceId, other.serviceId),
                    or(teamId, other.teamId), or(cohort, other.cohort), or(auditorId, other.auditorId));
        }

        private static String or(String mine, String theirs) {
            return mine != null ? mine : theirs;
        }
    }

    /** One submission by the auditor (a returned audit is submitted again). */
    public record Submission(Instant completedAt, Grade grade, Map<String, Grade> domainGrades,
            boolean familyFeedbackObtained, FeedbackNotObtained familyFeedbackNotObtained) {
    }

    /** One moderation decision. */
    public record Decision(Instant moderatedAt, String moderatorId, Grade auditorGrade, Grade finalGrade,
            GradeChange change) {
    }

    /** One action the audit ended with, and how it stood. */
    public record ActionRecord(String actionId, Instant agreedAt, Clocked clock, ActionClosed.Outcome outcome,
            Instant verifiedAt, Boolean confirmed) {
    }

    public AuditRecord {
        about = about == null ? About.UNKNOWN : about;
        completion = completion == null ? Clocked.NONE : completion;
        moderation = moderation == null ? Clocked.NONE : moderation;
        iroComments = iroComments == null ? Clocked.NONE : iroComments;
        panelClose = panelClose == null ? Clocked.NONE : panelClose;
        submissions = submissions == null ? List.of() : List.copyOf(submissions);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public static AuditRecord of(String localAuthority, String auditId) {
        return new AuditRecord(localAuthority, auditId, null, null, null, null, null, null, null, null, null);
    }

    // ---- changes, one per event ---------------------------------------------------------------------------------

    /** Allocated at {@code at}: the completion clock starts. */
    public AuditRecord allocated(String caseId, String auditorId, Instant completionDueBy, Instant at) {
        return with(about.filledFrom(new About(caseId, null, null, null, null, auditorId)),
                completion.due(completionDueBy, at), moderation, waivedAt, submissions, decisions, iroComments,
                panelClose, actions);
    }

    public AuditRecord overdue(String caseId, Instant completionDueBy) {
        return allocated(caseId, null, completionDueBy, null);
    }

    public AuditRecord completed(AuditCompleted e) {
        if (submissions.stream().anyMatch(s -> s.completedAt().equals(e.completedAt()))) {
            return this;
        }
        List<Submission> all = new ArrayList<>(submissions);
        all.add(new Submission(e.completedAt(), e.overallGrade(), e.domainGrades(), e.familyFeedbackObtained(),
                e.familyFeedbackNotObtained()));
        all.sort(Comparator.comparing(Submission::completedAt));
        About told = new About(e.caseId(), e.auditType().name(), e.serviceId(), e.teamId(),
                e.cohort() == null ? null : e.cohort().name(), e.auditorId());
        boolean latest = all.get(all.size() - 1).completedAt().equals(e.completedAt());
        List<ActionRecord> withAgreed = new ArrayList<>(actions);
        for (AuditCompleted.AgreedAction agreed : e.actions()) {
            int at = indexOf(withAgreed, agreed.actionId());
            if (at < 0) {
                withAgreed.add(new ActionRecord(agreed.actionId(), e.completedAt(),
                        new Clocked(e.completedAt(), agreed.dueBy(), null),
                        null, null, null));
            } else {
                ActionRecord known = withAgreed.get(at);
                withAgreed.set(at, new ActionRecord(known.actionId(), e.completedAt(), known.clock().due(agreed.dueBy(), e.completedAt()),
                        known.outcome(), known.verifiedAt(), known.confirmed()));
            }
        }
        return with(latest ? told.filledFrom(about) : about.filledFrom(told), completion.done(e.completedAt()),
                moderation, waivedAt, all, decisions, iroComments, panelClose, withAgreed);
    }

    public AuditRecord waived(String caseId, Instant at) {
        Instant first = waivedAt == null || at.isBefore(waivedAt) ? at : waivedAt;
        return with(about.filledFrom(new About(caseId, null, null, null, null, null)), completion, moderation, first,
                submissions, decisions, iroComments, panelClose, actions);
    }

    /** A moderator was assigned (the moderation clock starts {@code since}) or the moderation is overdue. */
    public AuditRecord moderationDue(String caseId, Instant dueBy, Instant since) {
        return with(about.filledFrom(new About(caseId, null, null, null, null, null)), completion,
                moderation.due(dueBy, since),
                waivedAt, submissions, decisions, iroComments, panelClose, actions);
    }

    public AuditRecord moderated(AuditModerated e) {
        About told = new About(e.caseId(), null, e.serviceId(), e.teamId(), null, e.auditorId());
        if (decisions.stream().anyMatch(d -> d.moderatedAt().equals(e.moderatedAt()))) {
            return this;
        }
        List<Decision> all = new ArrayList<>(decisions);
        all.add(new Decision(e.moderatedAt(), e.moderatorId(), e.auditorGrade(), e.finalGrade(), e.change()));
        all.sort(Comparator.comparing(Decision::moderatedAt));
        return with(about.filledFrom(told), completion, moderation.done(e.moderatedAt()), waivedAt, submissions, all,
                iroComments, panelClose, actions);
    }

    /** The IRO was asked (the 72-hour clock starts {@code since}), commented, or is overdue. */
    public AuditRecord iroComments(String caseId, Instant dueBy, Instant recordedAt, Instant since) {
        return with(about.filledFrom(new About(caseId, null, null, null, null, null)), completion, moderation,
                waivedAt, submissions, decisions, iroComments.due(dueBy, since).done(recordedAt), panelClose, actions);
    }

    /** The panel accepted the audit (its close clock starts {@code since}), closed it, or is overdue closing it. */
    public AuditRecord panel(String caseId, Instant closeDueBy, Instant closedAt, Instant since) {
        return with(about.filledFrom(new About(caseId, null, null, null, null, null)), completion, moderation,
                waivedAt, submissions, decisions, iroComments, panelClose.due(closeDueBy, since).done(closedAt), actions);
    }

    public AuditRecord actionOverdue(ActionOverdue e) {
        return action(e.actionId(), a -> new ActionRecord(a.actionId(), a.agreedAt(), a.clock().due(e.dueBy(), null),
                a.outcome(), a.verifiedAt(), a.confirmed()));
    }

    public AuditRecord actionClosed(ActionClosed e) {
        return action(e.actionId(), a -> new ActionRecord(a.actionId(), a.agreedAt(),
                a.clock().due(e.dueBy(), null).done(e.closedAt()), a.outcome() == null ? e.outcome() : a.outcome(),
                a.verifiedAt(), a.confirmed()));
    }

    public AuditRecord actionVerified(ActionVerified e) {
        return action(e.actionId(), a -> a.verifiedAt() != null && !e.verifiedAt().isAfter(a.verifiedAt()) ? a
                : new ActionRecord(a.actionId(), a.agreedAt(), a.clock(), a.outcome(), e.verifiedAt(), e.confirmed()));
    }

    private AuditRecord action(String actionId, UnaryOperator<ActionRecord> change) {
        List<ActionRecord> all = new ArrayList<>(actions);
        int at = indexOf(all, actionId);
        if (at < 0) {
            all.add(change.apply(new ActionRecord(actionId, null, Clocked.NONE, null, null, null)));
        } else {
            all.set(at, change.apply(all.get(at)));
        }
        return with(about, completion, moderation, waivedAt, submissions, decisions, iroComments, panelClose, all);
    }

    private static int indexOf(List<ActionRecord> actions, String actionId) {
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i).actionId().equals(actionId)) {
                return i;
            }
        }
        return -1;
    }

    private AuditRecord with(About about, Clocked completion, Clocked moderation, Instant waivedAt,
            List<Submission> submissions, List<Decision> decisions, Clocked iroComments, Clocked panelClose,
            List<ActionRecord> actions) {
        return new AuditRecord(localAuthority, auditId, about, completion, submissions, moderation, waivedAt,
                decisions, iroComments, panelClose, actions);
    }

    // ---- how it stood at a moment -------------------------------------------------------------------------------

    /** Submitted at least once by {@code asOf}. */
    public boolean completedBy(Instant asOf) {
        return completion.doneAt() != null && !completion.doneAt().isAfter(asOf);
    }

    /** The latest submission made by {@code asOf}, or null. */
    public Submission submissionAt(Instant asOf) {
        Submission found = null;
        for (Submission s : submissions) {
            if (!s.completedAt().isAfter(asOf)) {
                found = s;
            }
        }
        return found;
    }

    /** The latest moderation decision made by {@code asOf}, or null. */
    public Decision decisionAt(Instant asOf) {
        Decision found = null;
        for (Decision d : decisions) {
            if (!d.moderatedAt().isAfter(asOf)) {
                found = d;
            }
        }
        return found;
    }

    /**
     * The audit's final grade at {@code asOf}: the moderated grade where it was moderated, otherwise the auditor's
     * grade once the audit is beyond moderation (moderation waived, or the audit closed); null while it awaits
     * moderation or was not yet submitted.
     */
    public Grade finalGradeAt(Instant asOf) {
        Decision decision = decisionAt(asOf);
        if (decision != null) {
            return decision.finalGrade();
        }
        Submission submission = submissionAt(asOf);
        boolean beyondModeration = waivedAt != null && !waivedAt.isAfter(asOf)
                || panelClose.doneAt() != null && !panelClose.doneAt().isAfter(asOf);
        return submission != null && beyondModeration ? submission.grade() : null;
    }

    /**
     * Whether the audit is counted in {@code period} (whose figures hold at {@code asOf}): in the period it was first
     * submitted in; until then, in the period its completion was due in, where it shows as open or overdue.
     */
    public boolean countsIn(Period period, Instant asOf) {
        Instant done = completion.doneAt();
        if (done != null && period.contains(done)) {
            return true;
        }
        return (done == null || done.isAfter(asOf)) && period.contains(completion.dueBy());
    }

    /** The moments that decide which periods the audit is counted in. */
    public List<Instant> periodDates() {
        List<Instant> dates = new ArrayList<>(2);
        if (completion.doneAt() != null) {
            dates.add(completion.doneAt());
        }
        if (completion.dueBy() != null) {
            dates.add(completion.dueBy());
        }
        return dates;
    }

    /** The breakdown values this audit is counted under (null where unknown, then not counted under it). */
    public String valueFor(Breakdown breakdown) {
        return switch (breakdown) {
            case COUNCIL -> localAuthority;
            case SERVICE -> about.serviceId();
            case TEAM -> about.teamId();
            case COHORT -> about.cohort();
            case AUDITOR -> about.auditorId();
        };
    }
}
