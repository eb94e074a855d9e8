package uk.caseqa.concern.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.CaseOfConcernClosed;
import uk.caseqa.contracts.CaseOfConcernEscalated;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.CaseloadAuditRequested;
import uk.caseqa.contracts.DipSampleRequested;
import uk.caseqa.contracts.EarlyHelpConcernEscalated;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.FollowUpClosed;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.GradedBy;
import uk.caseqa.contracts.ReAuditOverdue;
import uk.caseqa.contracts.ReAuditScheduled;
import uk.caseqa.contracts.SafetyPlanOverdue;
import uk.caseqa.contracts.SafetyPlanRecorded;
import uk.caseqa.contracts.ShortAuditScheduled;
import uk.caseqa.contracts.StaffRole;

/**
 * What a grade sets in motion for one audit, under the council's profile. A <b>case of concern</b> (Inadequate): a
 * safety plan is due, escalating along the chain while it is missing; a short re-audit decides: improved, closed;
 * not improved, escalated and a further cycle. A <b>Requires Improvement follow-up</b>: a short audit confirms practice
 * reached Good. Either may ask for a dip sample of the social worker's other cases (Wandsworth). Every transition
 * raises an event and is kept in the history.
 */
public final class FollowUp {

    public enum Kind { CASE_OF_CONCERN, REQUIRES_IMPROVEMENT }

    /**
     * {@code AWAITING_PANEL}: a Requires Improvement follow-up whose short audit is scheduled once the QA panel has
     * accepted the audit; {@code WITHDRAWN}: moderation raised the grade to Good or better, so nothing is followed up.
     */
    public enum Status { AWAITING_PANEL, OPEN, CLOSED, SUPERSEDED, WITHDRAWN }

    /** The graded audit this follows up. */
    public record Facts(String auditId, String localAuthority, String caseId, String serviceId, String teamId,
            String serviceManagerId, String socialWorkerId, GradedBy gradedBy, Instant gradedAt,
            List<String> concernDomains, AuditType auditType) {
        public Facts {
            concernDomains = concernDomains == null ? List.of() : List.copyOf(concernDomains);
            auditType = AuditType.orFull(auditType);
        }

        public Facts(String auditId, String localAuthority, String caseId, String serviceId, String teamId,
                String serviceManagerId, String socialWorkerId, GradedBy gradedBy, Instant gradedAt,
                List<String> concernDomains) {
            this(auditId, localAuthority, caseId, serviceId, teamId, serviceManagerId, socialWorkerId, gradedBy,
                    gradedAt, concernDomains, AuditType.FULL);
        }
    }

    /**
     * The Early Help QA panel's review of an Inadequate Early Help audit's case of concern (the triple lock, 000 §5):
     * pending until the panel finds the plan and progress assured, or a concern it escalates.
     */
    public record EarlyHelpReview(Outcome outcome, String reviewedBy, Instant reviewedAt) {
        public enum Outcome { PENDING, ASSURED, CONCERNS }
    }

    /** The management decision that keeps the child safe; its text stays in this service. */
    public record SafetyPlan(String recordedBy, String decision, Instant recordedAt, boolean late) {
    }

    /** One line of the history: when, what, by whom (a person, or {@code system} for a deadline). */
    public record Transition(Instant at, String what, String by) {
    }

    /** A dip-sampled case's audit and the concerns it shared with the original. */
    public record DipSampleResult(String auditId, List<String> sameConcerns) {
    }

    private final String id;
    private final Kind kind;
    private final String profileId;
    private final Facts facts;
    private Status status;
    private int cycle;
    private final Instant openedAt;
    private SafetyPlan safetyPlan;
    private final List<Deadline> deadlines;
    private final List<String> answeredBy;
    private final List<DipSampleResult> dipSampleResults;
    private boolean caseloadAuditRequested;
    private EarlyHelpReview earlyHelpReview;
    private final List<Transition> history;
    private final Long version;
    private final List<EventPayload> raised = new ArrayList<>();

    private FollowUp(String id, Kind kind, String profileId, Facts facts, Status status, int cycle, Instant openedAt,
            SafetyPlan safetyPlan, List<Deadline> deadlines, List<String> answeredBy,
            List<DipSampleResult> dipSampleResults, boolean caseloadAuditRequested, List<Transition> history,
            Long version, EarlyHelpReview earlyHelpReview) {
        this.id = id;
        this.earlyHelpReview = earlyHelpReview;
        this.kind = kind;
        this.profileId = profileId;
        this.facts = facts;
        this.status = status;
        this.cycle = cycle;
        this.openedAt = openedAt;
        this.safetyPlan = safetyPlan;
        this.deadlines = new ArrayList<>(deadlines);
        this.answeredBy = new ArrayList<>(answeredBy);
        this.dipSampleResults = new ArrayList<>(dipSampleResults);
        this.caseloadAuditRequested = caseloadAuditRequested;
        this.history = new ArrayList<>(history);
        this.version = version;
    }

    public static String caseOfConcernId(String auditId) {
        return "coc-" + auditId;
    }

    public static String requiresImprovementId(String auditId) {
        return "ri-" + auditId;
    }

    /** Inadequate: a case of concern, with its safety-plan and re-audit deadlines, and a dip sample where the profile says. */
    public static FollowUp openCaseOfConcern(Facts facts, ConcernProfile profile, Instant now) {
        ConcernProfile.CaseOfConcernRule rule = profile.caseOfConcern();
        FollowUp opened = new FollowUp(caseOfConcernId(facts.auditId()), Kind.CASE_OF_CONCERN, profile.id(), facts,
                Status.OPEN, 1, now, null, List.of(), List.of(), List.of(), false, List.of(), null,
                facts.auditType() == AuditType.EARLY_HELP && profile.earlyHelp().panelReview()
                        ? new EarlyHelpReview(EarlyHelpReview.Outcome.PENDING, null, null) : null);
        Deadline plan = opened.schedule(Deadline.Kind.SAFETY_PLAN, Deadline.Basis.ELAPSED_HOURS, now,
                rule.safetyPlanHours(), 1);
        Deadline reAudit = opened.schedule(Deadline.Kind.RE_AUDIT, Deadline.Basis.CALENDAR_WEEKS,
                facts.gradedAt(), rule.reAuditWeeks(), 1);
        opened.raised.add(new CaseOfConcernOpened(opened.id, facts.auditId(), facts.caseId(), facts.serviceId(),
                facts.teamId(), facts.serviceManagerId(), plan.dueAt(), reAudit.dueAt(), now, profile.id(),
                rule.alsoTell()));
        opened.raised.add(new ReAuditScheduled(opened.id, facts.auditId(), facts.caseId(), reAudit.dueAt(), 1,
                rule.reAuditBy()));
        opened.record(now, "case of concern opened under " + profile.id() + " (" + profile.source() + "); graded by "
                + facts.gradedBy(), "system");
        if (opened.earlyHelpReview != null) {
            opened.record(now, "an Early Help audit: the Early Help QA panel reviews the findings, the plan and the"
                    + " progress (triple lock, " + profile.source() + ")", "system");
        }
        opened.requestDipSampleIfTheProfileSays(profile, now);
        return opened;
    }

    /**
     * The Early Help QA panel reviewed this case of concern (the triple lock, 000 §5): assured, or a concern escalated
     * to the profile's roles (the Corporate Director) and the Closing the Loop Steering Group. Once.
     */
    public void reviewedByEarlyHelpPanel(String by, boolean concerns, ConcernProfile profile, Instant now) {
        if (earlyHelpReview == null) {
            throw new IllegalStateException(id + " is not an Early Help case of concern under a triple lock");
        }
        if (earlyHelpReview.outcome() != EarlyHelpReview.Outcome.PENDING) {
            throw new IllegalStateException("the Early Help panel already reviewed " + id + ": "
                    + earlyHelpReview.outcome());
        }
        earlyHelpReview = new EarlyHelpReview(concerns ? EarlyHelpReview.Outcome.CONCERNS
                : EarlyHelpReview.Outcome.ASSURED, by, now);
        if (concerns) {
            raised.add(new EarlyHelpConcernEscalated(id, facts.auditId(), facts.caseId(), by,
                    profile.earlyHelp().concernsTell(), now));
            record(now, "the Early Help panel found concerns: escalated to " + profile.earlyHelp().concernsTell()
                    + " and the Closing the Loop Steering Group", by);
        } else {
            record(now, "the Early Help panel is assured of the plan and the progress", by);
        }
    }

    /** Requires Improvement: a follow-up when the profile asks for a short audit or a dip sample, otherwise none. */
    public static Optional<FollowUp> openRequiresImprovement(Facts facts, ConcernProfile profile, Instant now) {
        ConcernProfile.RequiresImprovementRule rule = profile.requiresImprovement();
        if (!rule.shortAudit() && !profile.dipSample().enabled()) {
            return Optional.empty();
        }
        boolean waitForPanel = rule.shortAudit() && rule.afterPanel();
        FollowUp opened = new FollowUp(requiresImprovementId(facts.auditId()), Kind.REQUIRES_IMPROVEMENT, profile.id(),
                facts, waitForPanel ? Status.AWAITING_PANEL : Status.OPEN, 1, now, null, List.of(), List.of(),
                List.of(), false, List.of(), null, null);
        opened.record(now, "requires improvement follow-up opened under " + profile.id() + " (" + profile.source() + ")"
                + (waitForPanel ? "; its short audit is scheduled once the QA panel has accepted the audit" : ""),
                "system");
        if (rule.shortAudit() && !waitForPanel) {
            opened.scheduleShortAudit(rule, facts.gradedAt());
        }
        opened.requestDipSampleIfTheProfileSays(profile, now);
        return Optional.of(opened);
    }

    private void scheduleShortAudit(ConcernProfile.RequiresImprovementRule rule, Instant from) {
        Deadline shortAudit = schedule(Deadline.Kind.RE_AUDIT, Deadline.Basis.CALENDAR_WEEKS, from,
                rule.shortAuditWeeks(), 1);
        raised.add(new ShortAuditScheduled(id, facts.auditId(), facts.caseId(), shortAudit.dueAt(),
                rule.shortAuditBy(), 1));
    }

    /**
     * The QA panel accepted the audit: a follow-up waiting for it schedules its short audit now, counted from the
     * panel (000 Appendix 3). False when it was not waiting (a redelivery, or a council without that rule).
     */
    public boolean acceptedByPanel(ConcernProfile profile, Instant acceptedAt, Instant now) {
        if (status != Status.AWAITING_PANEL) {
            return false;
        }
        status = Status.OPEN;
        scheduleShortAudit(profile.requiresImprovement(), acceptedAt);
        record(now, "the QA panel accepted the audit: short audit scheduled", "system");
        return true;
    }

    /**
     * Moderation graded the audit Good or better: a Requires Improvement follow-up not yet answered is withdrawn, with
     * its pending deadlines. False when there is nothing to withdraw.
     */
    public boolean withdrawnByModeration(Grade finalGrade, String moderatorId, Instant now) {
        if (kind != Kind.REQUIRES_IMPROVEMENT || !finalGrade.isAtLeastGood()
                || status != Status.OPEN && status != Status.AWAITING_PANEL || !answeredBy.isEmpty()) {
            return false;
        }
        status = Status.WITHDRAWN;
        deadlines.removeIf(Deadline::pending);
        raised.add(new FollowUpClosed(id, facts.auditId(), facts.caseId(), "WITHDRAWN", null, null, now));
        record(now, "withdrawn: moderation graded the audit " + finalGrade, moderatorId);
        return true;
    }

    public static FollowUp restore(String id, Kind kind, String profileId, Facts facts, Status status, int cycle,
            Instant openedAt, SafetyPlan safetyPlan, List<Deadline> deadlines, List<String> answeredBy,
            List<DipSampleResult> dipSampleResults, boolean caseloadAuditRequested, List<Transition> history,
            Long version) {
        return restore(id, kind, profileId, facts, status, cycle, openedAt, safetyPlan, deadlines, answeredBy,
                dipSampleResults, caseloadAuditRequested, history, version, null);
    }

    public static FollowUp restore(String id, Kind kind, String profileId, Facts facts, Status status, int cycle,
            Instant openedAt, SafetyPlan safetyPlan, List<Deadline> deadlines, List<String> answeredBy,
            List<DipSampleResult> dipSampleResults, boolean caseloadAuditRequested, List<Transition> history,
            Long version, EarlyHelpReview earlyHelpReview) {
        return new FollowUp(id, kind, profileId, facts, status, cycle, openedAt, safetyPlan, deadlines, answeredBy,
                dipSampleResults, caseloadAuditRequested, history, version, earlyHelpReview);
    }

    /** The service manager (or someone up the chain) records the plan; the escalations still pending stop. */
    public void recordSafetyPlan(String by, String decision, Instant now) {
        if (kind != Kind.CASE_OF_CONCERN || status != Status.OPEN) {
            throw new IllegalStateException(id + " takes no safety plan now (" + kind + ", " + status + ")");
        }
        if (safetyPlan != null) {
            throw new IllegalStateException("a safety plan was already recorded for " + id + " by "
                    + safetyPlan.recordedBy());
        }
        if (decision == null || decision.isBlank()) {
            throw new IllegalArgumentException("the plan (a management decision) is required");
        }
        Instant due = deadlines.stream().filter(d -> d.kind() == Deadline.Kind.SAFETY_PLAN && d.step() == 1)
                .map(Deadline::dueAt).findFirst().orElse(now);
        boolean late = now.isAfter(due);
        safetyPlan = new SafetyPlan(by, decision, now, late);
        deadlines.removeIf(d -> d.kind() == Deadline.Kind.SAFETY_PLAN && d.pending());
        raised.add(new SafetyPlanRecorded(id, facts.auditId(), facts.caseId(), by, now, late));
        record(now, late ? "safety plan recorded late" : "safety plan recorded", by);
    }

    /** Fires every deadline due by {@code now}, once each; returns whether any fired. */
    public boolean fireDueDeadlines(Instant now, ConcernProfile profile) {
        List<Deadline> due = deadlines.stream().filter(d -> d.dueBy(now))
                .sorted(Comparator.comparing(Deadline::dueAt)).toList();
        for (Deadline deadline : due) {
            deadlines.set(deadlines.indexOf(deadline), deadline.fired(now));
            switch (deadline.kind()) {
                case SAFETY_PLAN -> safetyPlanOverdue(deadline, profile, now);
                case RE_AUDIT -> {
                    raised.add(new ReAuditOverdue(id, facts.auditId(), facts.caseId(), deadline.dueAt(), deadline.step()));
                    record(now, "short audit (cycle " + deadline.step() + ") overdue", "system");
                }
                case DIP_SAMPLE -> record(now, "dip sample overdue", "system");
            }
        }
        return !due.isEmpty();
    }

    private void safetyPlanOverdue(Deadline deadline, ConcernProfile profile, Instant now) {
        ConcernProfile.CaseOfConcernRule rule = profile.caseOfConcern();
        int level = deadline.step();
        List<StaffRole> chain = rule.escalationChain();
        StaffRole escalateTo = chain.get(Math.min(level, chain.size()) - 1);
        raised.add(new SafetyPlanOverdue(id, facts.auditId(), facts.caseId(), facts.serviceManagerId(),
                deadline.dueAt(), level, List.of(escalateTo)));
        record(now, "no safety plan by " + deadline.dueAt() + ": escalated to " + escalateTo, "system");
        if (level < chain.size()) {
            schedule(Deadline.Kind.SAFETY_PLAN, Deadline.Basis.ELAPSED_HOURS,
                    deadline.dueAt(), rule.escalationIntervalHours(), level + 1);
        }
    }

    /**
     * A short audit answering this follow-up was completed. Good or better closes it; anything else escalates and
     * starts another cycle. A second delivery of the same audit changes nothing (false).
     */
    public boolean shortAuditCompleted(String shortAuditId, Grade grade, ConcernProfile profile, Instant now) {
        if (status != Status.OPEN || answeredBy.contains(shortAuditId)) {
            return false;
        }
        answeredBy.add(shortAuditId);
        deadlines.removeIf(d -> d.kind() == Deadline.Kind.RE_AUDIT && d.pending());
        if (grade.isAtLeastGood()) {
            status = Status.CLOSED;
            if (kind == Kind.CASE_OF_CONCERN) {
                raised.add(new CaseOfConcernClosed(id, facts.auditId(), facts.caseId(), shortAuditId, grade, cycle, now,
                        facts.teamId()));
            } else {
                raised.add(new FollowUpClosed(id, facts.auditId(), facts.caseId(), "IMPROVED", shortAuditId, grade, now));
            }
            record(now, "short audit " + shortAuditId + " graded " + grade + ": improved, closed", "system");
            return true;
        }
        int next = cycle + 1;
        if (kind == Kind.CASE_OF_CONCERN) {
            ConcernProfile.CaseOfConcernRule rule = profile.caseOfConcern();
            raised.add(new CaseOfConcernEscalated(id, facts.auditId(), facts.caseId(), shortAuditId, grade, cycle,
                    rule.onNoImprovementTell(), now, facts.teamId()));
            Deadline reAudit = schedule(Deadline.Kind.RE_AUDIT, Deadline.Basis.CALENDAR_WEEKS,
                    now, rule.reAuditWeeks(), next);
            raised.add(new ReAuditScheduled(id, facts.auditId(), facts.caseId(), reAudit.dueAt(), next,
                    rule.reAuditBy()));
        } else {
            ConcernProfile.RequiresImprovementRule rule = profile.requiresImprovement();
            Deadline shortAudit = schedule(Deadline.Kind.RE_AUDIT, Deadline.Basis.CALENDAR_WEEKS,
                    now, rule.shortAuditWeeks(), next);
            raised.add(new ShortAuditScheduled(id, facts.auditId(), facts.caseId(), shortAudit.dueAt(),
                    rule.shortAuditBy(), next));
        }
        record(now, "short audit " + shortAuditId + " graded " + grade + ": not improved, cycle " + next, "system");
        cycle = next;
        return true;
    }

    /**
     * A dip-sampled case of the same social worker was audited. If it shows any of the same concerns (domains below
     * Good), the worker's caseload audit is requested, once. False when this audit was already counted.
     */
    public boolean dipSampleCompleted(String sampleAuditId, List<String> domainsBelowGood, Instant now) {
        if (dipSampleResults.stream().anyMatch(r -> r.auditId().equals(sampleAuditId))) {
            return false;
        }
        List<String> same = domainsBelowGood.stream().filter(facts.concernDomains()::contains).sorted().toList();
        dipSampleResults.add(new DipSampleResult(sampleAuditId, same));
        record(now, "dip sample " + sampleAuditId + (same.isEmpty() ? ": concerns not repeated" : ": same concerns " + same),
                "system");
        if (!same.isEmpty() && !caseloadAuditRequested) {
            caseloadAuditRequested = true;
            deadlines.removeIf(d -> d.kind() == Deadline.Kind.DIP_SAMPLE && d.pending());
            raised.add(new CaseloadAuditRequested(id, facts.socialWorkerId(), same, sampleAuditId, now));
            record(now, "caseload audit of " + facts.socialWorkerId() + " requested", "system");
        }
        return true;
    }

    /** The audit's case of concern takes over from its Requires Improvement follow-up. */
    public boolean supersede(String byCaseOfConcern, Instant now) {
        if (kind != Kind.REQUIRES_IMPROVEMENT || status != Status.OPEN && status != Status.AWAITING_PANEL) {
            return false;
        }
        status = Status.SUPERSEDED;
        deadlines.removeIf(Deadline::pending);
        raised.add(new FollowUpClosed(id, facts.auditId(), facts.caseId(), "SUPERSEDED", null, null, now));
        record(now, "superseded by " + byCaseOfConcern, "system");
        return true;
    }

    private void requestDipSampleIfTheProfileSays(ConcernProfile profile, Instant now) {
        ConcernProfile.DipSampleRule rule = profile.dipSample();
        if (!rule.enabled() || facts.socialWorkerId() == null) {
            return;
        }
        Deadline due = schedule(Deadline.Kind.DIP_SAMPLE, Deadline.Basis.CALENDAR_DAYS,
                now, rule.dueDays(), 1);
        raised.add(new DipSampleRequested(id, facts.auditId(), facts.caseId(), facts.socialWorkerId(), rule.count(),
                rule.requestedFrom(), facts.concernDomains(), due.dueAt()));
        record(now, "dip sample of " + rule.count() + " more cases of " + facts.socialWorkerId() + " requested from "
                + rule.requestedFrom(), "system");
    }

    private Deadline schedule(Deadline.Kind what, Deadline.Basis basis, Instant from, int amount, int step) {
        Deadline deadline = new Deadline(what, basis, basis.after(from, amount), step, null);
        deadlines.add(deadline);
        return deadline;
    }

    private void record(Instant at, String what, String by) {
        history.add(new Transition(at, what, by));
    }


    /** When the next pending deadline falls due; null when none is pending. Stored, so replicas can find due work. */
    public Instant nextDueAt() {
        return deadlines.stream().filter(Deadline::pending).map(Deadline::dueAt).min(Comparator.naturalOrder())
                .orElse(null);
    }

    public Deadline deadline(Deadline.Kind what, int step) {
        return deadlines.stream().filter(d -> d.kind() == what && d.step() == step).findFirst().orElseThrow();
    }

    public List<EventPayload> raised() { return List.copyOf(raised); }
    public String id() { return id; }
    public Kind kind() { return kind; }
    public String profileId() { return profileId; }
    public Facts facts() { return facts; }
    public Status status() { return status; }
    public int cycle() { return cycle; }
    public Instant openedAt() { return openedAt; }
    public SafetyPlan safetyPlan() { return safetyPlan; }
    public List<Deadline> deadlines() { return List.copyOf(deadlines); }
    public List<String> answeredBy() { return List.copyOf(answeredBy); }
    public List<DipSampleResult> dipSampleResults() { return List.copyOf(dipSampleResults); }
    public boolean caseloadAuditRequested() { return caseloadAuditRequested; }
    /** The Early Help panel's review; null where none applies. */
    public EarlyHelpReview earlyHelpReview() { return earlyHelpReview; }
    public List<Transition> history() { return List.copyOf(history); }
    public Long version() { return version; }
}
